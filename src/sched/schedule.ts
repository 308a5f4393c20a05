// Creating, readying and scheduling goroutines: newproc, ready, schedule, gosched,
// goexit, and the bootstrap (schedinit, initdone).

import { gfget, gfput, gput, gputtail } from './queue.js';
import { deadlockText, deadlocked, matchmg, nextgandunlock, nothreadfor } from './handoff.js';
import { setmcpumax } from './mcpu.js';
import {
  G_GOID, G_IDLEM, G_LOCKEDM, G_M, G_READYONSTOP, G_STATUS, G_STATUS_NAMES, Gdead, Gmoribund, Gsyscall,
  Grunnable, Grunning, Gwaiting, G_WAITREASON, M_CURG, M_LOCKEDG, M_PROFILEHZ, NIL, S_ATOMIC,
  S_GCOUNT, S_GOIDGEN, S_OWNERS, S_GOMAXPROCS, S_GRUNNING, S_GTABLE_USED, S_MAXG, S_PREDAWN, S_PROFILEHZ,
} from './layout.js';
import { type Sched, schedThrow } from './sched.js';
import { schedlock, schedunlock } from './schedlock.js';
import { MCPU_ONE, atomicMcpu, maxgomaxprocs } from './word.js';
import { P, countPath } from './paths.js';

/**
 * schedinit's share of the scheduler: set GOMAXPROCS (clamped to maxgomaxprocs, as the
 * commit clamps $GOMAXPROCS) and enter predawn, in which entersyscall and exitsyscall
 * return at once and ready starts no M's. The calling thread is not counted in mcpu:
 * JavaScript difference, the Node thread that owns a Runtime is not an M.
 */
export function schedinit(s: Sched, gomaxprocs: number): void {
  let n = 1;
  if (gomaxprocs !== 0) n = Math.min(gomaxprocs, maxgomaxprocs);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`GOMAXPROCS must be a positive integer, got ${gomaxprocs}`);
  s.mem[S_GOMAXPROCS] = n;
  setmcpumax(s, n);
  s.mem[S_PREDAWN] = 1;
}

/** initdone: leave predawn and kick off m's for the goroutines init started, like ready
 * would have, had it not been pre-dawn. */
export function initdone(s: Sched, m: number): void {
  s.mem[S_PREDAWN] = 0;
  schedlock(s, m);
  matchmg(s, m);
  schedunlock(s);
}

/**
 * newproc: create a goroutine and make it ready. `init(g)` runs with schedlock held,
 * before any M can see the new G, and records what it will run (the commit copies the
 * arguments onto the new stack at the same point). Returns the G's row.
 */
export function newproc(s: Sched, m: number, init: (g: number) => void): number {
  const mem = s.mem;
  schedlock(s, m);
  let g = gfget(s);
  if (g === NIL) {
    if (mem[S_GTABLE_USED]! >= mem[S_MAXG]!) {
      schedunlock(s);
      throw new RangeError(`cannot create goroutine: all ${mem[S_MAXG]} G slots are in use (raise maxg)`);
    }
    g = mem[S_GTABLE_USED]!++;
  }
  mem[s.g(g, G_STATUS)] = Gwaiting;
  mem[s.g(g, G_LOCKEDM)] = NIL;
  mem[s.g(g, G_IDLEM)] = NIL;
  mem[s.g(g, G_M)] = NIL;
  mem[s.g(g, G_READYONSTOP)] = 0;
  mem[s.g(g, G_WAITREASON)] = 0;
  try {
    init(g);
  } catch (err) {
    // Nothing was counted yet: return the row and leave the scheduler as it was.
    mem[s.g(g, G_STATUS)] = Gdead;
    gfput(s, g);
    schedunlock(s);
    throw err;
  }
  mem[S_GCOUNT]!++;
  mem[S_GOIDGEN]!++;
  mem[s.g(g, G_GOID)] = mem[S_GOIDGEN]!;
  readylocked(s, m, g);
  // JavaScript difference: the owner is no M, so when it starts a goroutine that finds
  // no M (the table full, each row's goroutine parked), no M passes through
  // nextgandunlock to see the deadlock (see deadlocked); the owner says it here. A
  // goroutine calling go() is running, so this can only be the owner's call.
  if (mem[S_GRUNNING] === 0 && nothreadfor(mem)) {
    const text = deadlockText(mem);
    schedunlock(s);
    schedThrow(text);
  }
  schedunlock(s);
  return g;
}

/** readylocked: mark g ready to run. Sched must be locked. */
export function readylocked(s: Sched, m: number, g: number, fromSyscall = false): void {
  const mem = s.mem;
  if (mem[s.g(g, G_M)] !== NIL) {
    // Running on another machine. Ready it when it stops.
    countPath(s, P['ready.onstop']);
    mem[s.g(g, G_READYONSTOP)] = 1;
    return;
  }

  // Mark runnable.
  const status = mem[s.g(g, G_STATUS)]!;
  if (status === Grunnable || status === Grunning) {
    schedThrow(`bad g->status in ready: goroutine ${mem[s.g(g, G_GOID)]} has status ${G_STATUS_NAMES[status]}`);
  }
  mem[s.g(g, G_STATUS)] = Grunnable;

  gput(s, g, fromSyscall);
  if (!mem[S_PREDAWN]) matchmg(s, m);
}

/** ready: mark g ready to run, taking schedlock. */
export function ready(s: Sched, m: number, g: number): void {
  schedlock(s, m);
  readylocked(s, m, g);
  schedunlock(s);
}

/**
 * schedule: one round of scheduling. If gp is not NIL, m just finished running it
 * (it yielded, blocked, entered the scheduler from exitsyscall, or exited). Finds (or
 * waits for) the next g to run on m and returns it, marked running. Takes schedlock.
 *
 * JavaScript difference: the commit jumps to the chosen g's saved registers (gogo);
 * here the M's thread returns to its loop and resumes or starts that g. A started g is
 * wired to its M (its JS stack cannot move), so a g that calls schedule gets itself
 * back, once the scheduler lets it run again.
 */
export function schedule(s: Sched, m: number, gp: number): number {
  const mem = s.mem;
  schedlock(s, m);
  if (gp !== NIL) {
    if (mem[S_PREDAWN]) {
      schedunlock(s);
      schedThrow('init rescheduling');
    }

    // Just finished running gp.
    mem[s.g(gp, G_M)] = NIL;
    mem[S_GRUNNING]!--;

    // atomic { mcpu-- } (Atomics.sub returns the old value; the commit's xadd the new)
    const v = (Atomics.sub(mem, S_ATOMIC, MCPU_ONE) - MCPU_ONE) | 0;
    if (atomicMcpu(v) > maxgomaxprocs) schedThrow('negative mcpu in scheduler');

    switch (mem[s.g(gp, G_STATUS)]) {
      case Grunnable:
      case Gdead:
        // Shouldn't have been running!
        schedThrow('bad gp->status in sched');
      case Grunning:
        countPath(s, P['sched.requeue']);
        mem[s.g(gp, G_STATUS)] = Grunnable;
        // JavaScript difference: the commit's gput hands a wired g straight back to its
        // M, ahead of the queue. Here every started g is wired, so a yield (gosched)
        // would never let a queued g have the cpu slot; it goes to the tail of the run
        // queue instead, as an unwired g's yield does in the commit, and nextgandunlock
        // hands it back to this M (mnextg) when its turn comes.
        gputtail(s, gp);
        break;
      case Gmoribund:
        countPath(s, P['sched.exit']);
        mem[s.g(gp, G_STATUS)] = Gdead;
        if (mem[s.g(gp, G_LOCKEDM)] !== NIL) {
          mem[s.g(gp, G_LOCKEDM)] = NIL;
          mem[s.m(m, M_LOCKEDG)] = NIL;
        }
        mem[s.g(gp, G_IDLEM)] = NIL;
        gfput(s, gp);
        if (--mem[S_GCOUNT]! === 0) s.hooks.exit?.();
        break;
      // Gsyscall (exitsyscall's slow path) and Gwaiting (parked): someone readies it.
    }
    if (mem[s.g(gp, G_READYONSTOP)]) {
      countPath(s, P['sched.readyonstop']);
      mem[s.g(gp, G_READYONSTOP)] = 0;
      // Still Gsyscall: exitsyscall's slow path, back from its call (see gputfront).
      readylocked(s, m, gp, mem[s.g(gp, G_STATUS)] === Gsyscall);
    }
  }

  // Find (or wait for) g to run. Unlocks sched.
  gp = nextgandunlock(s, m);
  mem[s.g(gp, G_READYONSTOP)] = 0;
  mem[s.g(gp, G_STATUS)] = Grunning;
  mem[s.m(m, M_CURG)] = gp;
  mem[s.g(gp, G_M)] = m;

  // Check whether the profiler needs to be turned on or off (here: record the rate
  // this M now runs at; exitsyscall's fast path compares it with sched.profilehz).
  const hz = mem[S_PROFILEHZ]!;
  if (mem[s.m(m, M_PROFILEHZ)] !== hz) mem[s.m(m, M_PROFILEHZ)] = hz;
  return gp;
}

/** gosched: the running g yields the cpu. Returns the g m runs next (g itself, when g
 * is wired to m). */
export function gosched(s: Sched, m: number, g: number): number {
  return schedule(s, m, g);
}

/** goexit: the running g has finished; returns the next g for m. */
export function goexit(s: Sched, m: number, g: number): number {
  s.mem[s.g(g, G_STATUS)] = Gmoribund;
  return schedule(s, m, g);
}

/**
 * park: the running g blocks until someone calls ready(g); returns the g m runs next.
 * As the commit's chan.c does by hand (`g->status = Gwaiting; g->waitreason = ...;
 * unlock(c); gosched()`): the status and reason are set before `unlockf` drops the lock
 * that guards the wait queue g is on, so a waker that finds g there finds it waiting. A
 * waker may call ready before this M reaches schedule: readylocked then sees g->m set
 * and leaves readyonstop for schedule, which readies g as soon as it is off the M.
 */
export function park(s: Sched, m: number, g: number, reason = 0, unlockf?: () => void): number {
  s.mem[s.g(g, G_STATUS)] = Gwaiting;
  s.mem[s.g(g, G_WAITREASON)] = reason;
  unlockf?.();
  return schedule(s, m, g);
}

/**
 * ownerdone: the thread that owns the Runtime will start no more goroutines (it is
 * not an M and never counts in grunning). From now on, no goroutine running means
 * deadlock, as in the commit; if that is already so, throw it here, since no M will
 * pass through nextgandunlock again to notice.
 */
export function ownerdone(s: Sched): void {
  const mem = s.mem;
  schedlock(s, NIL);
  if (mem[S_OWNERS]! > 0) mem[S_OWNERS]!--;
  if (deadlocked(mem)) {
    const text = deadlockText(mem);
    schedunlock(s);
    schedThrow(text);
  }
  schedunlock(s);
}

/** LockOSThread: wire the running g to m, both ways. JavaScript difference: the runtime
 * does this for every g when it starts, because a started g's stack cannot move. */
export function lockOSThread(s: Sched, m: number, g: number): void {
  if (s.mem[S_PREDAWN]) schedThrow('cannot wire during init');
  s.mem[s.m(m, M_LOCKEDG)] = g;
  s.mem[s.g(g, G_LOCKEDM)] = m;
}

/** The status of goroutine row g (for tests and reports). */
export function gstatus(s: Sched, g: number): number {
  return s.mem[s.g(g, G_STATUS)]!;
}
