// schedlock()/schedunlock(): the Sched struct's Lock, plus the bookkeeping the
// watchdog and the invariant monitor rely on. The lock is lock.ts's no-starve lock
// (barging, until a waiter has waited STARVE_MS; then FIFO hand-off), in both protocols:
// models/liveness-wired proves with it that an M in exitsyscall's slow path gets its cpu.

import { lockNoStarve, unlockNoStarve } from './lock.js';
import { M_WHERE, NIL, S_LOCK, S_LOCKGEN } from './layout.js';
import type { Sched } from './sched.js';
import { W_SCHEDLOCK } from './where.js';

/** Acquires schedlock for M `m` (NIL when the caller is not an M). */
export function schedlock(s: Sched, m: number): void {
  const mem = s.mem;
  if (Atomics.compareExchange(mem, S_LOCK, 0, 1) !== 0) {
    // Contended: say where we are while we may sleep.
    const w = m === NIL ? -1 : s.m(m, M_WHERE);
    const prev = w < 0 ? 0 : mem[w]!;
    if (w >= 0) mem[w] = W_SCHEDLOCK;
    lockNoStarve(mem, S_LOCK);
    if (w >= 0) mem[w] = prev;
  }
  // A new hold begins: a monitor that read the same generation before and after its
  // reads, and saw the lock free both times, read a state no hold was changing.
  mem[S_LOCKGEN] = (mem[S_LOCKGEN]! + 1) | 0;
}

export function schedunlock(s: Sched): void {
  unlockNoStarve(s.mem, S_LOCK);
}
