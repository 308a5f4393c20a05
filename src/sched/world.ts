// Stopping the world (for the garbage collector, in the commit), starting it again,
// GOMAXPROCS, and the profiling rate.

import { matchmg } from './handoff.js';
import { setmcpumax } from './mcpu.js';
import { M_WHERE, NIL, S_ATOMIC, S_GCWAITING, S_GOMAXPROCS, S_PROFILEHZ, S_STOPPED } from './layout.js';
import { noteclear, notesleep } from './lock.js';
import { type Sched, schedThrow } from './sched.js';
import { schedlock, schedunlock } from './schedlock.js';
import { gosched } from './schedule.js';
import { W_RUNNING, W_STOPPED } from './where.js';
import { WAITSTOP_BIT, atomicMcpu, atomicMcpumax, atomicWaitstop, maxgomaxprocs } from './word.js';
import { P, countPath } from './paths.js';

/**
 * stoptheworld: called by the running goroutine on m; returns once no other m executes
 * Go code (mcpu <= 1: only the caller). Lowers mcpumax to 1, then sleeps on the
 * stopped note with waitstop set until the last other m leaves the cpu; that m sees
 * waitstop (in entersyscall's slow path or nextgandunlock) and wakes us.
 * Only one thread may stop the world at a time (the commit: only the collector does).
 */
export function stoptheworld(s: Sched, m: number): void {
  const mem = s.mem;
  schedlock(s, m);
  mem[S_GCWAITING] = 1;

  setmcpumax(s, 1);

  // while mcpu > 1
  for (;;) {
    const v = Atomics.load(mem, S_ATOMIC);
    if (atomicMcpu(v) <= 1) break;

    // It would be unsafe for multiple threads to be using the stopped note at once,
    // but there is only ever one thread stopping the world.
    noteclear(mem, S_STOPPED);
    if (atomicWaitstop(v)) schedThrow('invalid waitstop');

    // atomic { waitstop = 1 }, predicated on the mcpu <= 1 check above still being
    // true: if an entersyscall decremented mcpu meanwhile, the CAS fails and we retest.
    if (Atomics.compareExchange(mem, S_ATOMIC, v, (v + WAITSTOP_BIT) | 0) !== v) {
      countPath(s, P['stw.casretry']);
      continue;
    }

    schedunlock(s);
    countPath(s, P['stw.sleep']);
    const where = m === NIL ? -1 : s.m(m, M_WHERE);
    if (where >= 0) mem[where] = W_STOPPED;
    notesleep(mem, S_STOPPED);
    if (where >= 0) mem[where] = W_RUNNING;
    schedlock(s, m);
  }
  schedunlock(s);
}

/** starttheworld: restore mcpumax to GOMAXPROCS and hand queued g's to m's. */
export function starttheworld(s: Sched, m: number): void {
  schedlock(s, m);
  s.mem[S_GCWAITING] = 0;
  setmcpumax(s, s.mem[S_GOMAXPROCS]!);
  matchmg(s, m);
  schedunlock(s);
}

/**
 * gomaxprocsfunc: runtime.GOMAXPROCS(n). Sets the limit and returns the previous one;
 * n <= 0 only queries, and n above maxgomaxprocs is clamped to it, as in the commit.
 * `g` is the calling goroutine on m, or NIL when the caller is not a goroutine (the
 * Node thread that owns the Runtime): such a caller holds no cpu slot to give up, so
 * where the commit's goroutine would gosched, it returns at once.
 */
export function gomaxprocsfunc(s: Sched, m: number, g: number, n: number): number {
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new RangeError(`GOMAXPROCS: ${String(n)} is not an integer`);
  }
  const mem = s.mem;
  schedlock(s, m);
  const ret = mem[S_GOMAXPROCS]!;
  if (n <= 0) n = ret;
  if (n > maxgomaxprocs) n = maxgomaxprocs;
  mem[S_GOMAXPROCS] = n;
  if (mem[S_GCWAITING] !== 0) {
    countPath(s, P['gomaxprocs.gcwaiting']);
    if (atomicMcpumax(Atomics.load(mem, S_ATOMIC)) !== 1) schedThrow('invalid mcpumax during gc');
    schedunlock(s);
    return ret;
  }

  setmcpumax(s, n);

  // If there are now fewer allowed procs than procs running, stop.
  const v = Atomics.load(mem, S_ATOMIC);
  if (atomicMcpu(v) > n) {
    countPath(s, P['gomaxprocs.gosched']);
    schedunlock(s);
    if (g !== NIL) gosched(s, m, g);
    return ret;
  }
  // handle more procs
  countPath(s, P['gomaxprocs.matchmg']);
  matchmg(s, m);
  schedunlock(s);
  return ret;
}

/** setcpuprofilerate's share of the scheduler: record the rate; each M applies it in
 * schedule, and exitsyscall leaves its fast path while an M's rate differs. */
export function setcpuprofilerate(s: Sched, m: number, hz: number): void {
  if (!Number.isInteger(hz) || hz < 0) throw new RangeError(`profile rate must be a non-negative integer, got ${hz}`);
  schedlock(s, m);
  Atomics.store(s.mem, S_PROFILEHZ, hz);
  schedunlock(s);
}
