// The two CAS loops that write the atomic word's mcpumax and mcpu under schedlock.
//
// Under the lock protocol nothing writes the word without schedlock, so these loops
// succeed at their first compare-and-swap and reduce to the pre-commit code's plain
// `sched.mcpumax = n` and `sched.mcpu < sched.mcpumax ... sched.mcpu++`.

import { S_ATOMIC } from './layout.js';
import type { Sched } from './sched.js';
import { MCPU_ONE, atomicMcpu, atomicMcpumax, mcpuMask, mcpumaxShift } from './word.js';
import { P, countPath } from './paths.js';

/** setmcpumax: store n into the word's mcpumax field. Sched must be locked.
 * A CAS loop, not a plain store: entersyscall/exitsyscall may change mcpu meanwhile. */
export function setmcpumax(s: Sched, n: number): void {
  const mem = s.mem;
  // A lowering is counted before and after it lands (odd while it is in progress), so
  // that a monitor can tell which stints began after it (stress/purpose.ts). mcpumax
  // changes only under schedlock, so this test cannot go stale inside the loop.
  const lowering = n < atomicMcpumax(Atomics.load(mem, S_ATOMIC));
  if (lowering) countPath(s, P['mcpumax.lowered']);
  for (;;) {
    const v = Atomics.load(mem, S_ATOMIC);
    const w = (v & ~(mcpuMask << mcpumaxShift)) | (n << mcpumaxShift);
    if (Atomics.compareExchange(mem, S_ATOMIC, v, w) === v) break;
  }
  if (lowering) countPath(s, P['mcpumax.lowered']);
}

/** canaddmcpu: try to increment mcpu; report whether it succeeded (it fails when
 * mcpu >= mcpumax). Sched must be locked. */
export function canaddmcpu(s: Sched): boolean {
  const mem = s.mem;
  for (;;) {
    const v = Atomics.load(mem, S_ATOMIC);
    if (atomicMcpu(v) >= atomicMcpumax(v)) return false;
    if (Atomics.compareExchange(mem, S_ATOMIC, v, (v + MCPU_ONE) | 0) === v) return true;
  }
}
