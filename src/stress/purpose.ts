// The check of what the protocol is for: no more M's execute goroutine code than
// GOMAXPROCS allows.
//
// Exact definition (the commit's semantics). A goroutine "executes goroutine code"
// between returning from a scheduler call and entering the next one. Its stint begins
// when it gets a cpu (exitsyscall, gosched or park returning) and goes on through calls
// that need not give the cpu up (ready, go, GOMAXPROCS, stoptheworld, ...). Lowering
// mcpumax (GOMAXPROCS(n) below mcpu, or stoptheworld) does not stop the M's already
// running: each may go on until it next passes through the scheduler (entersyscall,
// gosched, ...). So, at any instant, let
//   old = goroutines in a stint that may have begun before the latest lowering,
//   new = goroutines in a stint that began after it;
// then the commit requires: if new > 0, old + new <= mcpumax. (A new stint is granted
// only while mcpu < mcpumax, and every old stint still counts in mcpu.) With nothing
// lowered since anyone's stint began, that is simply "running <= mcpumax".
//
// How it is observed without touching the fast path. The scheduler counts each lowering
// of mcpumax twice (path counter mcpumax.lowered, a slow path under schedlock): once
// before the word changes and once after, so the generation is odd while a lowering is
// in progress. Each stress goroutine reads that generation BEFORE the scheduler call
// that begins its stint and publishes it with the stint (SLOT_EPOCH, then SLOT_SEQ odd).
// A stint is new only if its generation is even and still current: then its slot was
// granted after the latest lowering had landed. A lowering between that read and the
// call's return makes the stint count as old: the check can only be more lenient than
// the definition, never report a stint the commit allows. (Counting once, after the
// word changed, was tried first: a sampler could then read the lowered mcpumax with the
// old generation and take stints granted before the lowering for new ones.) (So a GOMAXPROCS
// caller that keeps its cpu after lowering below mcpu is left to the explorer, which sees
// every step.) The sampler takes a consistent snapshot of all stints by reading every
// SEQ, then the word and the generation, then every SEQ again: if no SEQ moved, all
// marks held at the instant the word was read.

import { P, S_ATOMIC, type Sched, atomicMcpumax } from '../sched/index.js';
import { SLOT_EPOCH, SLOT_SEQ, slot } from './words.js';

/** The generation of mcpumax lowerings now. */
export function loweredGen(s: Sched): number {
  return Atomics.load(s.mem, s.pathBase + P['mcpumax.lowered']);
}

/** One goroutine's stint marks (slot k of the user words). */
export class Stint {
  private seq = 0;
  private gen = 0;
  private epoch = 0;
  constructor(private readonly s: Sched, private readonly u: Int32Array, private readonly k: number) {}

  /** Call right before a scheduler call: this goroutine stops executing goroutine code. */
  leave(): void {
    this.gen = loweredGen(this.s);
    if (this.seq & 1) Atomics.store(this.u, slot(this.k, SLOT_SEQ), ++this.seq);
  }

  /** Call right after a scheduler call that gave up the cpu and got it back
   * (exitsyscall, gosched, park) returned: a new stint begins. */
  enter(): void {
    this.epoch = this.gen;
    this.resume();
  }

  /** Call right after a scheduler call that need not have given up the cpu (ready, go,
   * GOMAXPROCS, stoptheworld, ...) returned: the stint goes on with its old generation,
   * since a goroutine that kept its cpu through a lowering still may run. */
  resume(): void {
    this.u[slot(this.k, SLOT_EPOCH)] = this.epoch;
    Atomics.store(this.u, slot(this.k, SLOT_SEQ), ++this.seq);
  }
}

export interface PurposeSample {
  running: number;
  fresh: number;
  mcpumax: number;
  gen: number;
}

/** A consistent snapshot of the stints of slots 0..slots-1, or null when one moved
 * while it was read. */
export function samplePurpose(s: Sched, u: Int32Array, slots: number, seq: Int32Array): PurposeSample | null {
  for (let k = 0; k < slots; k++) seq[k] = Atomics.load(u, slot(k, SLOT_SEQ));
  const g1 = loweredGen(s);
  const v = Atomics.load(s.mem, S_ATOMIC);
  let running = 0;
  let fresh = 0;
  for (let k = 0; k < slots; k++) {
    if ((seq[k]! & 1) === 0) continue;
    running++;
    if (Atomics.load(u, slot(k, SLOT_EPOCH)) === g1) fresh++;
  }
  // A lowering in progress (odd), or one that began while we read: no snapshot.
  if ((g1 & 1) !== 0 || loweredGen(s) !== g1) return null;
  for (let k = 0; k < slots; k++) if (Atomics.load(u, slot(k, SLOT_SEQ)) !== seq[k]) return null;
  return { running, fresh, mcpumax: atomicMcpumax(v), gen: g1 };
}

/** The commit's rule on a snapshot: a stint begun after the latest lowering may run only
 * while all stints fit in mcpumax. */
export function violatesPurpose(p: PurposeSample): boolean {
  return p.fresh > 0 && p.running > p.mcpumax;
}
