// The run queue of G's, the idle list of M's and the free list of G's.
// Every function here requires schedlock.

import {
  G_IDLEM, G_LOCKEDM, G_SCHEDLINK, M_IDLEG, M_SCHEDLINK, NIL, S_ATOMIC, S_GBYPASS, S_GFREE, S_GHEAD,
  S_GRETTAIL, S_GTAIL, S_GWAIT, S_MAXM, S_MCOUNT, S_MHEAD, S_MWAIT,
} from './layout.js';
import { mnextg, revokefresh } from './handoff.js';
import { canaddmcpu } from './mcpu.js';
import { type Sched, schedThrow } from './sched.js';
import { GWAITING_BIT } from './word.js';
import { P, countPath } from './paths.js';

/** gput: put g on the run queue. Sched must be locked. `fromSyscall`: g is back from a
 * system call and found no cpu slot (exitsyscall's slow path): see gputfront. */
export function gput(s: Sched, g: number, fromSyscall = false): void {
  const mem = s.mem;
  // If g is wired, hand it off directly. canaddmcpu does the mcpu++ for the M that
  // will run it (mnextg's caller owns that increment).
  //
  // Difference from the commit, whose gput hands any wired g straight back whenever a
  // cpu is free: here only while no g waits in the run queue (or the queue's head is
  // stranded, see headstranded); otherwise g queues at the tail, and the caller's
  // matchmg gives the free cpu to the head. Every started g is wired here, so the
  // commit's exception becomes the rule, and a g readied from exitsyscall's slow path
  // (readyonstop) would take the cpu its M counted for itself ahead of the queue: two
  // M's that alternate syscalls then keep a queued g waiting forever. The liveness
  // property `runs` (models/liveness-wired, "every runnable goroutine eventually
  // runs") fails without this test: mutant readyonstop_jumps_queue.
  const lockedm = mem[s.g(g, G_LOCKEDM)]!;
  if (lockedm !== NIL && (mem[S_GWAIT] === 0 || headstranded(s)) && canaddmcpu(s)) {
    countPath(s, P['gput.wired']);
    mnextg(s, lockedm, g);
    return;
  }
  // JavaScript difference: a slot held for a thread still starting is better used by g,
  // whose thread is here (handoff.ts, revokefresh).
  if (lockedm !== NIL && revokefresh(s)) {
    mnextg(s, lockedm, g);
    return;
  }

  // If g is the idle goroutine for an m, hand it off.
  const idlem = mem[s.g(g, G_IDLEM)]!;
  if (idlem !== NIL) {
    if (mem[s.m(idlem, M_IDLEG)] !== NIL) schedThrow(`m${idlem} idle out of sync: g${mem[s.m(idlem, M_IDLEG)]} g${g}`);
    mem[s.m(idlem, M_IDLEG)] = g;
    return;
  }

  if (fromSyscall) gputfront(s, g);
  else gputtail(s, g);
}

/** headstranded: the run queue's head can get no M (it is not wired, no M is idle and
 * the M table is full), so matchmg stops at it and nothing behind it can run until an
 * M's goroutine ends (see matchmg). gput must not queue a wired g behind it: its M
 * would sleep with a cpu free, and if every M did, that is a deadlock. The model has no
 * unwired g's and no M table bound, so there this never holds. Sched must be locked. */
function headstranded(s: Sched): boolean {
  const mem = s.mem;
  const head = mem[S_GHEAD]!;
  return head !== NIL && mem[s.g(head, G_LOCKEDM)] === NIL && mem[S_MHEAD] === NIL && mem[S_MCOUNT]! >= mem[S_MAXM]!;
}

/** gput's queueing half: g goes to the tail of the run queue. Sched must be locked. */
export function gputtail(s: Sched, g: number): void {
  const mem = s.mem;
  mem[s.g(g, G_SCHEDLINK)] = NIL;
  const gtail = mem[S_GTAIL]!;
  if (gtail === NIL) mem[S_GHEAD] = g;
  else mem[s.g(gtail, G_SCHEDLINK)] = g;
  mem[S_GTAIL] = g;
  queued(s);
}

/** How many g's may be taken from the head segment in a row while others wait behind
 * it, before gget takes the first of those instead (see gputfront). */
export const BYPASS_MAX = 64;

/**
 * gputfront: g, back from a system call with no cpu slot free, joins the segment at the
 * head of the run queue (after the g's already there: first back, first served). Sched
 * must be locked.
 *
 * JavaScript difference. In the commit such a g goes to the tail (gput), and meanwhile
 * its M runs whatever is at the head. Here g is wired to its M (its JavaScript stack is
 * on that thread), so the M sleeps until g runs again; behind a batch of goroutines that
 * have never started, g holds its thread idle while each of them takes a thread of its
 * own (every M there is holds a g), and a batch of N goroutines that block costs N
 * threads, each started at tens of milliseconds and each running its code cold. In the
 * segment, g runs as soon as a cpu slot frees and no M is free for the g's behind it
 * (gget): g's M is there already, and when g ends its M takes the next new g. While an
 * M is free (idle, or one whose g just ended), the g's behind go first, as in the
 * commit's FIFO: starting them early keeps the cpu busy while they block, and it costs
 * no thread. Rejected: the segment always first (new goroutines then start only when it
 * is empty, all block together, and the cpu idles until they return: measured, slots
 * idle 10 ms at a time in a batch that blocks 10 ms); the very head (LIFO: the first
 * back waits for every later one); a second queue (every reader of the run queue, the
 * explorer and the model's checks would have to know two); handing g straight back to
 * its M while g's wait (the commit's gput: unbounded, two M's that alternate syscalls
 * keep a queued g waiting forever; mutant readyonstop_jumps_queue).
 *
 * The invariant that keeps the run queue binding (models/liveness-wired, `runs`): the
 * segment is the only place where a g passes one queued before it, and only a bounded
 * number of times. S_GBYPASS counts the takes from the segment while a g waited behind
 * it; it is reset only when gget takes that g, when nothing is behind the segment, or
 * when the segment is empty (then gget takes the head, which is that g). So the first g
 * behind the segment is taken within BYPASS_MAX + 1 ggets; the g's behind it are FIFO,
 * and so is the segment; every queued g therefore runs after finitely many ggets, and
 * ggets keep coming while it waits (every cpu is taken by an M that will enter a
 * syscall, yield or end, each of which hands its cpu on through matchmg, as long as
 * goroutines reach scheduling points: Go 2011 cannot preempt). gput still
 * hands a wired g straight back only while no g waits, and exitsyscall's fast path
 * still declines while gwaiting is set: the segment adds no other way around the queue.
 * models/gosched-wired.pml models the segment and gget's choice with BYPASS_MAX 1 (and
 * checks 2; its header says how far that stands for 64); mutant unbounded_head_segment,
 * the bound removed, breaks `runs`. Outside
 * the model: gunget (M table full) and revokefresh put a g back as the next one behind
 * the segment; a fresh M's g may be revoked again while its thread is starting, which
 * ends when the thread starts.
 */
export function gputfront(s: Sched, g: number): void {
  const mem = s.mem;
  const after = mem[S_GRETTAIL]!;
  const next = after === NIL ? mem[S_GHEAD]! : mem[s.g(after, G_SCHEDLINK)]!;
  mem[s.g(g, G_SCHEDLINK)] = next;
  if (after === NIL) mem[S_GHEAD] = g;
  else mem[s.g(after, G_SCHEDLINK)] = g;
  if (next === NIL) mem[S_GTAIL] = g;
  mem[S_GRETTAIL] = g;
  queued(s);
}

/** A g joined the run queue. */
function queued(s: Sched): void {
  const mem = s.mem;
  countPath(s, P['gput.queued']);
  // Increment gwait; if it transitions to nonzero, set the atomic gwaiting bit, which
  // sends every entersyscall to its slow path (where it will matchmg this g).
  if (mem[S_GWAIT]!++ === 0) {
    countPath(s, P['gput.gwaiting']);
    Atomics.add(mem, S_ATOMIC, GWAITING_BIT);
  }
}

/** dequeue: take g, which follows prev in the run queue (NIL: g is its head), out of it
 * (gget, ggetwired). Sched must be locked. */
function dequeue(s: Sched, prev: number, g: number): void {
  const mem = s.mem;
  const next = mem[s.g(g, G_SCHEDLINK)]!;
  if (prev === NIL) mem[S_GHEAD] = next;
  else mem[s.g(prev, G_SCHEDLINK)] = next;
  if (mem[S_GTAIL] === g) mem[S_GTAIL] = prev;
  // The head segment runs from the head to S_GRETTAIL: without g, it ends at prev (NIL
  // when g was the segment's only g).
  if (mem[S_GRETTAIL] === g) mem[S_GRETTAIL] = prev;
  // Decrement gwait; if it transitions to zero, clear the atomic gwaiting bit.
  // (The commit adds -1<<gwaitingShift; in 32 bits that is the same number as
  // 1<<gwaitingShift, and Atomics.add wraps modulo 2^32 just as the uint32 xadd does.)
  if (--mem[S_GWAIT]! === 0) Atomics.add(mem, S_ATOMIC, GWAITING_BIT);
}

/** haveg: report whether gget would return something. Sched must be locked. */
export function haveg(s: Sched, m: number): boolean {
  return s.mem[S_GHEAD] !== NIL || (m !== NIL && s.mem[s.m(m, M_IDLEG)] !== NIL);
}

/** gget: take a g from the run queue (or m's idle g). Sched must be locked. `mfree`:
 * the caller is an M with nothing to run, which will run the g itself unless it is
 * wired to another (nextgandunlock). */
export function gget(s: Sched, m: number, mfree = false): number {
  const mem = s.mem;
  let g = mem[S_GHEAD]!;
  if (g !== NIL) {
    // The head segment (gputfront) first, unless an M is free to run the first g behind
    // it (the caller, or an idle M), or the segment has been served BYPASS_MAX times in
    // a row while that g waited: then that g.
    //
    // A free M can run only a g that is not wired: a wired g behind needs its own M,
    // like the segment's g's, so it goes first only by the bound. Without this test a
    // goroutine that yields (gosched) with an M idle took itself back from behind the
    // segment at every yield and a returned g starved: GOMAXPROCS 1, main looping on a
    // select with a default that yields, a producer back from a syscall never ran
    // (found by examples/go-diff/fuzz.mjs; the model has no free M, see its header).
    const seg = mem[S_GRETTAIL]!;
    const behind = seg === NIL ? NIL : mem[s.g(seg, G_SCHEDLINK)]!;
    const freeFor = behind !== NIL && mem[s.g(behind, G_LOCKEDM)] === NIL && (mfree || mem[S_MWAIT] !== 0);
    let prev = NIL;
    if (behind === NIL) mem[S_GBYPASS] = 0;
    else if (!freeFor && mem[S_GBYPASS]! < BYPASS_MAX) mem[S_GBYPASS]!++;
    else {
      mem[S_GBYPASS] = 0;
      prev = seg;
      g = behind;
    }
    dequeue(s, prev, g);
  } else if (m !== NIL && mem[s.m(m, M_IDLEG)] !== NIL) {
    g = mem[s.m(m, M_IDLEG)]!;
    mem[s.m(m, M_IDLEG)] = NIL;
  }
  return g;
}

/** gunget: put back at the head of the run queue a g that gget just took (matchmg found
 * no M for it). Sched must be locked. */
export function gunget(s: Sched, g: number): void {
  const mem = s.mem;
  const seg = mem[S_GRETTAIL]!;
  if (seg === NIL) {
    mem[s.g(g, G_SCHEDLINK)] = mem[S_GHEAD]!;
    mem[S_GHEAD] = g;
  } else {
    // g came from behind the head segment (a wired g never needs an M): back there, and
    // the next gget takes it again, as it did this time.
    mem[s.g(g, G_SCHEDLINK)] = mem[s.g(seg, G_SCHEDLINK)]!;
    mem[s.g(seg, G_SCHEDLINK)] = g;
    mem[S_GBYPASS] = BYPASS_MAX;
  }
  if (mem[s.g(g, G_SCHEDLINK)] === NIL) mem[S_GTAIL] = g;
  if (mem[S_GWAIT]!++ === 0) Atomics.add(mem, S_ATOMIC, GWAITING_BIT);
}

/** ggetwired: take the first wired g in the run queue, wherever it stands; NIL if none
 * is wired. Sched must be locked.
 *
 * JavaScript difference, for a full M table only (matchmg, when newm fails): the g's
 * before it are unwired g's that can get no M until an M's goroutine ends, and a wired
 * g needs no M but its own, which waits for it. Serving the queue in order there would
 * leave the free cpus idle and every wired g's M asleep behind them; if those M's hold
 * all the goroutines that could end, nothing ever runs again. */
export function ggetwired(s: Sched): number {
  const mem = s.mem;
  let prev = NIL;
  for (let g = mem[S_GHEAD]!; g !== NIL; prev = g, g = mem[s.g(g, G_SCHEDLINK)]!) {
    if (mem[s.g(g, G_LOCKEDM)] === NIL) continue;
    dequeue(s, prev, g);
    return g;
  }
  return NIL;
}

/** mput: put m on the idle list. Sched must be locked. */
export function mput(s: Sched, m: number): void {
  const mem = s.mem;
  mem[s.m(m, M_SCHEDLINK)] = mem[S_MHEAD]!;
  mem[S_MHEAD] = m;
  mem[S_MWAIT]!++;
}

/** mget: the M to run g: g's own if wired, else one from the idle list (NIL if none).
 * Sched must be locked. */
export function mget(s: Sched, g: number): number {
  const mem = s.mem;
  const lockedm = g === NIL ? NIL : mem[s.g(g, G_LOCKEDM)]!;
  if (lockedm !== NIL) return lockedm;
  const m = mem[S_MHEAD]!;
  if (m !== NIL) {
    mem[S_MHEAD] = mem[s.m(m, M_SCHEDLINK)]!;
    mem[S_MWAIT]!--;
  }
  return m;
}

/** gfput: put a dead g on the free list. Sched must be locked. */
export function gfput(s: Sched, g: number): void {
  s.mem[s.g(g, G_SCHEDLINK)] = s.mem[S_GFREE]!;
  s.mem[S_GFREE] = g;
}

/** gfget: take a g from the free list (NIL if empty). Sched must be locked. */
export function gfget(s: Sched): number {
  const g = s.mem[S_GFREE]!;
  if (g !== NIL) s.mem[S_GFREE] = s.mem[s.g(g, G_SCHEDLINK)]!;
  return g;
}
