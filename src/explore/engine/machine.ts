// The deterministic machine the explorer runs M's on: each thread is a coroutine that
// yields one shared-memory operation at a time (ops.ts); the machine performs the
// operation of whichever thread the search picks, and models Atomics.wait/notify as
// blocking and waking. Everything runs on one JavaScript thread, so a run is a pure
// function of its schedule: replaying the schedule replays the run.

import type { Op } from './ops.js';

export type ThreadGen = Generator<Op, void, number | string>;

export interface Thread {
  id: number;
  name: string;
  gen: ThreadGen;
  /** The operation the thread will perform when it next runs; null when it ended. */
  op: Op | null;
  /** Asleep in Atomics.wait on `op.i`. */
  asleep: boolean;
  /** Woken by a notify: its wait returns "ok" when it next runs. */
  woken: boolean;
  /** When it went to sleep (notify wakes the longest sleeper first, as Atomics does). */
  sleptAt: number;
  /** A hash of everything the thread has read: with its code and arguments, this
   * determines its local state (for state hashing). */
  hist: number;
}

export class ThreadThrew extends Error {
  constructor(readonly thread: Thread, readonly error: unknown) {
    super(`${thread.name} threw: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const OP_CODE: Record<string, number> = {
  rd: 1, wr: 2, upd: 3, load: 4, store: 5, add: 6, sub: 7, and: 8, or: 9, xor: 10, exchange: 11,
  compareExchange: 12, wait: 13, notify: 14, until: 15,
};

export function mix(h: number, x: number): number {
  h = Math.imul(h ^ (x | 0), 0x01000193);
  return (h ^ (h >>> 15)) | 0;
}

export class Machine {
  readonly threads: Thread[] = [];
  /** Operations for which this is true run at once, with no scheduling point (ghost
   * bookkeeping that no protocol decision reads). */
  ghost: (op: Op) => boolean = () => false;
  /** Called after each step with the thread that ran and the op it performed. */
  onStep: ((t: Thread, op: Op, result: number | string) => void) | null = null;
  private sleeps = 0;
  constructor(readonly mem: Int32Array) {}

  spawn(name: string, gen: ThreadGen): Thread {
    const t: Thread = { id: this.threads.length, name, gen, op: null, asleep: false, woken: false, sleptAt: 0, hist: this.threads.length + 1 };
    this.threads.push(t);
    this.advance(t, 0);
    return t;
  }

  /** Threads that may run now: a thread asleep in a timed wait may, to time out. */
  enabled(): Thread[] {
    return this.threads.filter((t) => t.op !== null && (!t.asleep || t.op.w === 1) && (t.op.k !== 'until' || t.op.until!()));
  }

  /** Runs thread t's pending operation, then its code up to its next operation. */
  step(t: Thread): void {
    const op = t.op!;
    let result: number | string;
    if (t.woken) {
      t.woken = false;
      result = 'ok';
    } else if (t.asleep) {
      // Only a timed wait is enabled while asleep: its time runs out.
      t.asleep = false;
      result = 'timed-out';
    } else {
      result = this.perform(t, op);
      if (t.asleep) {
        this.onStep?.(t, op, 'asleep');
        return;
      }
    }
    t.hist = mix(mix(mix(t.hist, OP_CODE[op.k]!), op.i), typeof result === 'number' ? result : result.length);
    this.onStep?.(t, op, result);
    this.advance(t, result);
  }

  private advance(t: Thread, value: number | string): void {
    for (;;) {
      let r: IteratorResult<Op, void>;
      try {
        r = t.gen.next(value);
      } catch (err) {
        t.op = null;
        throw new ThreadThrew(t, err);
      }
      if (r.done) {
        t.op = null;
        return;
      }
      t.op = r.value;
      if (t.op.k === 'until' || t.op.k === 'wait' || !this.ghost(t.op)) return;
      value = this.perform(t, t.op);
    }
  }

  private perform(t: Thread, op: Op): number | string {
    const { a, i, v } = op;
    switch (op.k) {
      case 'rd': return a[i]!;
      case 'wr': a[i] = v; return v;
      case 'load': return Atomics.load(a, i);
      case 'store': return Atomics.store(a, i, v);
      case 'add': return Atomics.add(a, i, v);
      case 'sub': return Atomics.sub(a, i, v);
      case 'and': return Atomics.and(a, i, v);
      case 'or': return Atomics.or(a, i, v);
      case 'xor': return Atomics.xor(a, i, v);
      case 'exchange': return Atomics.exchange(a, i, v);
      case 'compareExchange': return Atomics.compareExchange(a, i, v, op.w);
      case 'wait':
        if (a[i] !== v) return 'not-equal';
        t.asleep = true;
        t.sleptAt = ++this.sleeps;
        return 'asleep';
      case 'notify': {
        const sleepers = this.threads.filter((w) => w.asleep && w.op!.a === a && w.op!.i === i)
          .sort((x, y) => x.sleptAt - y.sleptAt).slice(0, v);
        for (const w of sleepers) {
          w.asleep = false;
          w.woken = true;
        }
        return sleepers.length;
      }
      case 'until': return 0;
      default: throw new Error(`unknown operation ${op.k as string}`);
    }
  }
}
