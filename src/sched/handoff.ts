// Handing G's to M's: mnextg, matchmg, and nextgandunlock, where an M finds (or waits
// for) the next G to run.

import { gget, ggetwired, gunget, haveg, mget, mput } from './queue.js';
import { canaddmcpu } from './mcpu.js';
import {
  G_LOCKEDM, M_FRESH, M_HAVENEXTG, M_LOCKEDG, M_NEXTG, M_WAITNEXTG, M_WHERE, NIL, S_ATOMIC, S_GCOUNT,
  S_GRUNNING, S_GWAIT, S_MAXM, S_MCOUNT, S_MFRESH, S_MWAIT, S_OWNERS, S_STOPPED,
} from './layout.js';
import { noteclear, notesleep, notewakeup } from './lock.js';
import { type Sched, schedThrow } from './sched.js';
import { schedunlock } from './schedlock.js';
import { W_HAVENEXTG, W_IDLE, W_RUNNING } from './where.js';
import { MCPU_ONE, WAITSTOP_BIT, atomicMcpu, atomicMcpumax, atomicWaitstop, maxgomaxprocs } from './word.js';
import { P, countPath } from './paths.js';

/** mnextg: pass g to m for running. Sched must be locked.
 * The caller has already incremented mcpu for m (canaddmcpu). */
export function mnextg(s: Sched, m: number, g: number): void {
  const mem = s.mem;
  mem[S_GRUNNING]!++;
  mem[s.m(m, M_NEXTG)] = g;
  if (mem[s.m(m, M_WAITNEXTG)]) {
    mem[s.m(m, M_WAITNEXTG)] = 0;
    notewakeup(mem, s.m(m, M_HAVENEXTG));
  }
}

/** mcommoninit's share of the scheduler: give a new M its row, or NIL when the M table
 * is full. Sched must be locked. */
function newm(s: Sched): number {
  const mem = s.mem;
  const m = mem[S_MCOUNT]!;
  if (m >= mem[S_MAXM]!) return NIL;
  mem[S_MCOUNT] = m + 1;
  mem[s.m(m, M_WHERE)] = W_RUNNING;
  mem[s.m(m, M_FRESH)] = 1;
  mem[S_MFRESH]!++;
  return m;
}

/**
 * mstealfresh: the g handed to an M whose thread has not started yet, taken by m, which
 * has nothing to run; NIL if there is none. Sched must be locked.
 *
 * JavaScript difference. The commit's newm starts a thread in microseconds; here a
 * thread start costs tens of milliseconds (a V8 isolate and its modules), and the g
 * matchmg handed to the new M would wait all that time, holding its cpu slot, while an
 * M whose goroutine ended sooner went idle. So an M about to go idle takes that g, and
 * its cpu slot with it (mnextg counted both: grunning and mcpu do not change); the new
 * M, when its thread arrives, finds no nextg and serves the run queue or idles. Only
 * a fresh M's nextg is taken: it is never a wired g (mget hands wired g's to their own
 * M, which is never fresh), so any M may run it. Rejected: letting the g wait for its
 * own thread, as before (a batch of goroutines that block needed a thread per
 * goroutine, 200 for 200 in `gosched bench pool` (b), 1.8 GB, while M's whose goroutines
 * had ended slept). The slot moves with the g, so mcpu and grunning keep counting the
 * same goroutines; the thread layer decides when a fresh M's thread starts at all
 * (src/runtime/m-pool.ts).
 */
function mstealfresh(s: Sched, m: number): number {
  const r = freshwithg(s, m);
  if (r === NIL) return NIL;
  const g = s.mem[s.m(r, M_NEXTG)]!;
  s.mem[s.m(r, M_NEXTG)] = NIL;
  return g;
}

/**
 * revokefresh: a wired g is runnable and every cpu slot is taken; if one is held by a g
 * handed to an M whose thread has not started yet (see mstealfresh), that g goes back to
 * the run queue where it was taken from (gunget) and its slot is the caller's, which
 * hands it to the wired g (mnextg): the wired g's M is there now, the other's is tens of
 * milliseconds away. Reports whether it freed a slot. Sched must be locked.
 *
 * Only while mcpu <= mcpumax: after mcpumax was lowered (GOMAXPROCS, stoptheworld) below
 * the slots taken, a slot held by a fresh M is one granted before the lowering, which
 * its g may still use (as an M handed its g before the lowering does in the commit), but
 * which must not be granted anew: the wired g would begin to run while more M's than
 * mcpumax run (the stress run's purpose check saw 2 running with mcpumax 1). The wired g
 * queues instead.
 */
export function revokefresh(s: Sched): boolean {
  const v = Atomics.load(s.mem, S_ATOMIC);
  if (atomicMcpu(v) > atomicMcpumax(v)) return false;
  const r = freshwithg(s, NIL);
  if (r === NIL) return false;
  const mem = s.mem;
  const g = mem[s.m(r, M_NEXTG)]!;
  mem[s.m(r, M_NEXTG)] = NIL;
  mem[S_GRUNNING]!--; // counted by mnextg; the caller's mnextg counts the wired g
  gunget(s, g);
  return true;
}

/** How many fresh M's from row `from` on hold a g: for the thread layer, which decides
 * when to start their threads (rows below `from` have a thread on its way). Read
 * without schedlock, so only a hint. */
export function freshwaiting(s: Sched, from = 0): number {
  const mem = s.mem;
  let n = 0;
  if (Atomics.load(mem, S_MFRESH) === 0) return 0;
  const mcount = Atomics.load(mem, S_MCOUNT);
  for (let r = from; r < mcount; r++) if (mem[s.m(r, M_FRESH)] === 1 && mem[s.m(r, M_NEXTG)] !== NIL) n++;
  return n;
}

/** How many goroutines are in a system call now (grunning counts them, mcpu does not):
 * each may come back, end, and free its M. Read without schedlock, so only a hint. */
export function insyscall(s: Sched): number {
  return Math.max(0, Atomics.load(s.mem, S_GRUNNING) - atomicMcpu(Atomics.load(s.mem, S_ATOMIC)));
}

/** A fresh M (not m) that has been handed a g, or NIL. Sched must be locked. */
function freshwithg(s: Sched, m: number): number {
  return fresh(s, m, true);
}

/** A fresh M (not m) that has been handed a g (withg) or has none (its g was taken by
 * mstealfresh or revokefresh), or NIL. Sched must be locked. */
function fresh(s: Sched, m: number, withg: boolean): number {
  const mem = s.mem;
  let left = mem[S_MFRESH]!;
  // Fresh M's are the newest rows: look from the last one down.
  for (let r = mem[S_MCOUNT]! - 1; r >= 0 && left > 0; r--) {
    if (r === m || mem[s.m(r, M_FRESH)] === 0) continue;
    left--;
    if ((mem[s.m(r, M_NEXTG)] !== NIL) === withg) return r;
  }
  return NIL;
}

/** matchmg: kick off new m's as needed (up to mcpumax). Sched must be locked.
 * `m` is the calling M (NIL for a thread that is not an M). */
export function matchmg(s: Sched, m: number): void {
  // The commit returns here when the calling M is mallocing or gcing; no JS thread is
  // ever inside the allocator or the collector while holding schedlock.
  while (haveg(s, m) && canaddmcpu(s)) {
    const g = gget(s, m);
    if (g === NIL) schedThrow('gget inconsistency');

    // Find the m that will run g.
    let mp = mget(s, g);
    if (mp !== NIL) countPath(s, mp === s.mem[s.g(g, G_LOCKEDM)] ? P['matchmg.lockedm'] : P['matchmg.idlem']);
    // JavaScript difference: an M whose thread is still starting and whose g was taken
    // (mstealfresh, revokefresh) takes g before any other M is created: otherwise every
    // revoke would cost one more thread.
    // The thread layer hears of it after mnextg, so that it finds the g there.
    let started: 'new' | 'fresh' | null = null;
    if (mp === NIL) {
      mp = fresh(s, m, false);
      if (mp !== NIL) started = 'fresh';
    }
    if (mp === NIL) {
      countPath(s, P['matchmg.newm']);
      mp = newm(s);
      if (mp === NIL) {
        // JavaScript difference: the commit's M's are unbounded (a thread per blocked
        // goroutine). Here the M table is sized when the Runtime starts; when it is full,
        // g goes back to the head of the queue, with its cpu slot, and waits for an M
        // whose goroutine ends (nextgandunlock takes it then). The wired g's queued
        // behind it need no other M than their own: they take the free cpus meanwhile
        // (ggetwired). Until then, and only then, unwired g's may wait while mcpu <
        // mcpumax: invariant 1 holds for M's that exist.
        gunget(s, g);
        Atomics.sub(s.mem, S_ATOMIC, MCPU_ONE);
        while (canaddmcpu(s)) {
          const w = ggetwired(s);
          if (w === NIL) {
            Atomics.sub(s.mem, S_ATOMIC, MCPU_ONE);
            break;
          }
          countPath(s, P['matchmg.lockedm']);
          mnextg(s, s.mem[s.g(w, G_LOCKEDM)]!, w);
        }
        return;
      }
      started = 'new';
    }
    mnextg(s, mp, g);
    if (started === 'new') s.hooks.newosproc(mp);
    else if (started === 'fresh') s.hooks.freshm?.(mp);
  }
}

/**
 * nextgandunlock: get the next goroutine that m should run.
 * Sched must be locked on entry, is unlocked on exit.
 * Makes sure that at most $GOMAXPROCS g's are running on cpus (not in system calls)
 * at any given time.
 */
export function nextgandunlock(s: Sched, m: number): number {
  const mem = s.mem;
  if (atomicMcpu(Atomics.load(mem, S_ATOMIC)) >= maxgomaxprocs) schedThrow('negative mcpu');
  if (mem[s.m(m, M_FRESH)]) {
    // This M's thread enters the scheduler for the first time (see mstealfresh).
    mem[s.m(m, M_FRESH)] = 0;
    mem[S_MFRESH]!--;
  }

  // If there is a g waiting as m->nextg, the mcpu++ happened before it was passed to
  // mnextg.
  let gp = mem[s.m(m, M_NEXTG)]!;
  if (gp !== NIL) {
    countPath(s, P['next.handed']);
    mem[s.m(m, M_NEXTG)] = NIL;
    schedunlock(s);
    return gp;
  }

  if (mem[s.m(m, M_LOCKEDG)] !== NIL) {
    // We can only run one g, and it's not available. Make sure some other cpu is
    // running to handle the ordinary run queue.
    if (mem[S_GWAIT] !== 0) {
      countPath(s, P['next.lockedg.matchmg']);
      matchmg(s, m);
      // m->lockedg might have been on the queue.
      gp = mem[s.m(m, M_NEXTG)]!;
      if (gp !== NIL) {
        countPath(s, P['next.lockedg.got']);
        mem[s.m(m, M_NEXTG)] = NIL;
        schedunlock(s);
        return gp;
      }
    }
  } else {
    // Look for work on global queue.
    while (haveg(s, m) && canaddmcpu(s)) {
      gp = gget(s, m, true);
      if (gp === NIL) schedThrow('gget inconsistency');
      const lockedm = mem[s.g(gp, G_LOCKEDM)]!;
      if (lockedm !== NIL) {
        countPath(s, P['next.queue.wired']);
        mnextg(s, lockedm, gp);
        continue;
      }
      countPath(s, P['next.queue.run']);
      mem[S_GRUNNING]!++;
      schedunlock(s);
      return gp;
    }

    // The loop ended either because the g queue is empty or because we have maxed out
    // our m procs running go code (mcpu >= mcpumax). Concurrent entersyscall/exitsyscall
    // cannot invalidate that decision: we hold schedlock, so nobody else changes the g
    // queue or mcpumax; entersyscall can decrement mcpu, but if it does so while the g
    // queue is non-empty the gwaiting bit is set and it takes the slow path, under
    // schedlock.
    //
    // JavaScript difference: before it idles, m takes a g that waits for a thread still
    // starting (see mstealfresh).
    gp = mstealfresh(s, m);
    if (gp !== NIL) {
      schedunlock(s);
      return gp;
    }

    // Wait on global m queue.
    mput(s, m);
  }

  const v = Atomics.load(mem, S_ATOMIC);
  if (deadlocked(mem)) schedThrow(deadlockText(mem));
  mem[s.m(m, M_NEXTG)] = NIL;
  mem[s.m(m, M_WAITNEXTG)] = 1;
  noteclear(mem, s.m(m, M_HAVENEXTG));

  // Stoptheworld is waiting for all but its cpu to go to stop. Entersyscall might have
  // decremented mcpu too, but if so it will see the waitstop and take the slow path.
  // Exitsyscall never increments mcpu beyond mcpumax.
  if (atomicWaitstop(v) && atomicMcpu(v) <= atomicMcpumax(v)) {
    // set waitstop = 0 (known to be 1)
    countPath(s, P['next.wakestop']);
    Atomics.sub(mem, S_ATOMIC, WAITSTOP_BIT);
    notewakeup(mem, S_STOPPED);
  }
  schedunlock(s);

  countPath(s, P['next.sleep']);
  const where = s.m(m, M_WHERE);
  mem[where] = mem[s.m(m, M_LOCKEDG)] === NIL ? W_IDLE : W_HAVENEXTG;
  notesleep(mem, s.m(m, M_HAVENEXTG));
  mem[where] = W_RUNNING;
  gp = mem[s.m(m, M_NEXTG)]!;
  if (gp === NIL) schedThrow('bad m->nextg in nextgoroutine');
  mem[s.m(m, M_NEXTG)] = NIL;
  return gp;
}

/**
 * Whether no goroutine can ever run again, read under schedlock: the commit's test
 * (grunning == 0 while goroutines are alive: every one is parked, and only a running
 * goroutine readies a parked one), with two JavaScript differences.
 *
 * The commit's process exits when its last goroutine does (gcount falls to 0 in
 * schedule), so an M never finds none alive. A gosched Runtime outlives its goroutines
 * (the Node main thread may start more), so none alive is quiescent, not deadlocked; and
 * while the owner may still start goroutines (S_OWNERS, see ownerdone), a goroutine it
 * starts could ready the parked ones, so none running is no deadlock yet, unless
 * goroutines already wait for a thread the M table cannot give (nothreadfor): a
 * goroutine the owner starts would queue behind them.
 */
export function deadlocked(mem: Int32Array): boolean {
  if (mem[S_GRUNNING] !== 0 || mem[S_GCOUNT] === 0) return false;
  return mem[S_OWNERS] === 0 || nothreadfor(mem);
}

/**
 * Whether queued goroutines wait for an M that will never come, read under schedlock
 * while no goroutine runs (grunning == 0): a cpu slot is free (so it is not mcpumax
 * they wait for) and every row of the M table is in use, none idle and none fresh (an
 * idle M, or a fresh one with nothing handed to it, would have been handed one by
 * matchmg). Each M then holds a parked goroutine (grunning counts goroutines handed to
 * a starting thread, so those are not taken for parked), which only a running goroutine
 * could ready; none runs, and none the owner starts can.
 */
export function nothreadfor(mem: Int32Array): boolean {
  const v = Atomics.load(mem, S_ATOMIC);
  return mem[S_GWAIT] !== 0 && atomicMcpu(v) < atomicMcpumax(v)
    && mem[S_MCOUNT]! >= mem[S_MAXM]! && mem[S_MWAIT] === 0 && mem[S_MFRESH] === 0;
}

/** The deadlock's words, read under schedlock: with goroutines queued for an M while
 * every M holds a blocked one, it says what would have let them run (ownerdone finds the
 * same deadlock when the owner seals a Runtime already in it). */
export function deadlockText(mem: Int32Array): string {
  return nothreadfor(mem)
    ? `all goroutines are asleep - deadlock! (${mem[S_GWAIT]} runnable goroutines wait for a thread: all ${mem[S_MAXM]} M's hold blocked goroutines; raise maxm)`
    : 'all goroutines are asleep - deadlock!';
}
