// The scheduler instance: the shared memory, its layout, and the few things a thread
// must supply (how to start an M's thread). The scheduler's functions live beside this
// file, one concept each, written as the commit's proc.c writes them: free functions
// over the shared state, with the current M (`m` in C) passed explicitly.
//
// Concepts (as in the commit):
//   G  a goroutine: a row of the G table.
//   M  an OS thread (here: a worker thread) that runs G's: a row of the M table.
//   schedlock  the one lock that guards the Sched struct, the run queue and the M list.
//   mcpu  how many M's are executing Go code (not blocked in a syscall); at most mcpumax
//         (= GOMAXPROCS) may. mcpu, mcpumax, waitstop and gwaiting form the atomic word.
//
// Who holds which lock: every function here that says "sched must be locked" is called
// with schedlock held and returns with it held; nextgandunlock is entered locked and
// returns unlocked; entersyscall/exitsyscall/schedule/ready/stoptheworld/starttheworld/
// gomaxprocsfunc take schedlock themselves.
//
// Invariants, checked by the commit's monitor (proc.p) and by the stress monitor here,
// in every state where nobody holds schedlock:
//   1. never g's waiting while mcpu < mcpumax (gwait > 0 implies mcpu >= mcpumax);
//   2. never waitstop set once mcpu <= mcpumax.

import {
  G_GOID, G_IDLEM, G_LOCKEDM, G_M, G_READYONSTOP, G_SCHEDLINK, G_STATUS, G_STRIDE, Gidle,
  type Layout, layoutFor, M_CURG, M_HAVENEXTG, M_IDLEG, M_LOCKEDG, M_NEXTG, M_PROFILEHZ,
  M_SCHEDLINK, M_STRIDE, M_WAITNEXTG, NIL, S_GCOUNT, S_GFREE, S_GHEAD, S_GOMAXPROCS, S_GRETTAIL, S_GTAIL,
  S_MAXG, S_MAXM, S_MHEAD, S_PROTOCOL,
} from './layout.js';

export type Protocol = 'lock' | 'atomic';
export const PROTOCOLS: readonly Protocol[] = ['lock', 'atomic'];

/** What the thread-owning layer supplies to the scheduler. */
export interface SchedHooks {
  /**
   * The commit's newosproc: start a thread for the new M row `m`. The thread must call
   * schedule(s, m, NIL) (mstart). Called with schedlock held, so it must not block;
   * mnextg has, or will have, handed the M its first G before the thread looks.
   */
  newosproc(m: number): void;
  /** JavaScript difference: M row `m`, created earlier and whose thread has not yet
   * entered the scheduler, has been handed a g again after another M took its first one
   * (handoff.ts, mstealfresh): its thread is wanted once more. Schedlock held. */
  freshm?(m: number): void;
  /** Called, with schedlock held, when the last goroutine exits (the commit's exit(0)). */
  exit?(): void;
}

/** runtime·throw: the scheduler found itself in an impossible state. Fatal. */
export class SchedFatal extends Error {
  override name = 'SchedFatal';
}

export function schedThrow(msg: string): never {
  throw new SchedFatal(msg);
}

export interface SchedOptions {
  protocol: Protocol;
  /** Capacity of the G table (goroutines alive at once, plus the free list). */
  maxg?: number;
  /** Capacity of the M table (threads; M's never go away, as in the commit). */
  maxm?: number;
}

export class Sched {
  readonly mem: Int32Array;
  readonly bytes: Uint8Array;
  readonly layout: Layout;
  readonly protocol: Protocol;
  /** Int32 index of G row 0 and M row 0 (hot paths add to these). */
  readonly gBase: number;
  readonly mBase: number;
  /** Int32 index of the path counters (paths.ts). */
  readonly pathBase: number;
  hooks: SchedHooks;

  private constructor(readonly buffer: SharedArrayBuffer, layout: Layout, hooks: SchedHooks) {
    this.mem = new Int32Array(buffer);
    this.bytes = new Uint8Array(buffer);
    this.layout = layout;
    this.gBase = layout.gTableBase;
    this.mBase = layout.mTableBase;
    this.pathBase = layout.pathBase;
    this.protocol = this.mem[S_PROTOCOL] === 0 ? 'lock' : 'atomic';
    this.hooks = hooks;
  }

  /** Allocates and initialises a new scheduler's shared memory. */
  static create(opts: SchedOptions, hooks: SchedHooks): Sched {
    if (opts.protocol !== 'lock' && opts.protocol !== 'atomic') {
      throw new TypeError(`protocol must be 'lock' or 'atomic', got ${JSON.stringify(opts.protocol)}`);
    }
    const maxg = checkCapacity('maxg', opts.maxg ?? 1024);
    const maxm = checkCapacity('maxm', opts.maxm ?? 256);
    const layout = layoutFor(maxg, maxm);
    const buffer = new SharedArrayBuffer(layout.bytes);
    const mem = new Int32Array(buffer);
    mem[S_PROTOCOL] = opts.protocol === 'lock' ? 0 : 1;
    mem[S_MAXG] = maxg;
    mem[S_MAXM] = maxm;
    for (const i of [S_GHEAD, S_GTAIL, S_MHEAD, S_GFREE, S_GRETTAIL]) mem[i] = NIL;
    mem[S_GOMAXPROCS] = 1;
    for (let g = 0; g < maxg; g++) {
      const r = layout.gTableBase + g * G_STRIDE;
      mem[r + G_STATUS] = Gidle;
      for (const f of [G_LOCKEDM, G_SCHEDLINK, G_IDLEM, G_M]) mem[r + f] = NIL;
      mem[r + G_READYONSTOP] = 0;
      mem[r + G_GOID] = 0;
    }
    for (let m = 0; m < maxm; m++) {
      const r = layout.mTableBase + m * M_STRIDE;
      for (const f of [M_NEXTG, M_LOCKEDG, M_IDLEG, M_SCHEDLINK, M_CURG]) mem[r + f] = NIL;
      mem[r + M_WAITNEXTG] = 0;
      mem[r + M_HAVENEXTG] = 0;
      mem[r + M_PROFILEHZ] = 0;
    }
    return new Sched(buffer, layout, hooks);
  }

  /** Attaches to a scheduler created elsewhere (in a worker thread). */
  static attach(buffer: SharedArrayBuffer, hooks: SchedHooks): Sched {
    const mem = new Int32Array(buffer);
    return new Sched(buffer, layoutFor(mem[S_MAXG]!, mem[S_MAXM]!), hooks);
  }

  /** Int32 index of field `f` of G row `g`. */
  g(g: number, f: number): number {
    return this.gBase + g * G_STRIDE + f;
  }
  /** Int32 index of field `f` of M row `m`. */
  m(m: number, f: number): number {
    return this.mBase + m * M_STRIDE + f;
  }
  get gcount(): number {
    return this.mem[S_GCOUNT]!;
  }
}

function checkCapacity(name: string, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 1 << 20) {
    throw new RangeError(`${name} must be an integer from 1 to ${1 << 20}, got ${n}`);
  }
  return n;
}
