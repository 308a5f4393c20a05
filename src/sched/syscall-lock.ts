// entersyscall/exitsyscall as they were before the commit: every call takes schedlock.
// The pre-commit code kept mcpu, mcpumax and waitstop as plain int32 fields of Sched,
// all guarded by schedlock. Here they stay packed in the word, but under this protocol
// nothing touches the word without schedlock, so each update below is a plain
// read-modify-write under the lock, exactly as the old code's `sched.mcpu--`.

import { matchmg } from './handoff.js';
import {
  G_READYONSTOP, G_STATUS, G_STRIDE, M_STRIDE, Grunning, Gsyscall, M_PROFILEHZ, S_ATOMIC, S_GWAIT, S_PREDAWN,
  S_PROFILEHZ, S_STOPPED,
} from './layout.js';
import { notewakeup } from './lock.js';
import type { Sched } from './sched.js';
import { schedlock, schedunlock } from './schedlock.js';
import { gosched } from './schedule.js';
import { MCPU_ONE, WAITSTOP_BIT, atomicMcpu, atomicMcpumax, atomicWaitstop } from './word.js';
import { P, countPath } from './paths.js';

export function entersyscallLock(s: Sched, m: number, g: number): void {
  const mem = s.mem;
  if (mem[S_PREDAWN]) return;
  schedlock(s, m);
  countPath(s, P['enter.slow']);
  mem[s.gBase + g * G_STRIDE + G_STATUS] = Gsyscall;
  mem[S_ATOMIC] = (mem[S_ATOMIC]! - MCPU_ONE) | 0; // sched.mcpu--
  if (mem[S_GWAIT] !== 0) {
    countPath(s, P['enter.slow.matchmg']);
    matchmg(s, m);
  }

  const v = mem[S_ATOMIC]!;
  if (atomicWaitstop(v) && atomicMcpu(v) <= atomicMcpumax(v)) {
    countPath(s, P['enter.slow.wakestop']);
    mem[S_ATOMIC] = (v - WAITSTOP_BIT) | 0; // sched.waitstop = 0
    notewakeup(mem, S_STOPPED);
  }
  schedunlock(s);
}

export function exitsyscallLock(s: Sched, m: number, g: number): void {
  const mem = s.mem;
  if (mem[S_PREDAWN]) return;

  schedlock(s, m);
  const v = (mem[S_ATOMIC]! + MCPU_ONE) | 0; // sched.mcpu++
  mem[S_ATOMIC] = v;
  // Fast path - if there's room for this m, we're done.
  // (No gwait test, unlike the atomic fast path: schedlock is held here, and whenever it
  // is free the monitor's first invariant says that g's wait only while every cpu is
  // taken, so this test already fails while any g waits, but for a stranded queue head,
  // whose cpu nobody else can use; see gput.)
  if (mem[s.mBase + m * M_STRIDE + M_PROFILEHZ] === mem[S_PROFILEHZ] && atomicMcpu(v) <= atomicMcpumax(v)) {
    // There's a cpu for us, so we can run.
    mem[s.gBase + g * G_STRIDE + G_STATUS] = Grunning;
    schedunlock(s);
    return;
  }
  // Tell scheduler to put g back on the run queue.
  countPath(s, P['exit.slow']);
  if (mem[s.mBase + m * M_STRIDE + M_PROFILEHZ] !== mem[S_PROFILEHZ]) countPath(s, P['exit.slow.profilehz']);
  mem[s.g(g, G_READYONSTOP)] = 1;
  schedunlock(s);

  // Slow path - all the cpus are taken. The scheduler will ready g and put this m to
  // sleep. When the scheduler takes g away from m, it will undo the mcpu++ above.
  gosched(s, m, g);
}
