// What instrumented scheduler code yields: one shared-memory operation, which the
// explorer performs when it decides that this M goes next, handing back the result.
// Imported by the instrumented copy of src/sched (see transform.ts) as `__sh`.

export type OpKind =
  | 'rd' | 'wr' | 'upd'
  | 'load' | 'store' | 'add' | 'sub' | 'and' | 'or' | 'xor' | 'exchange' | 'compareExchange'
  | 'wait' | 'notify'
  /** Not from the scheduler: a scenario's goroutine waits in Go code until `until` holds. */
  | 'until';

export interface Op {
  k: OpKind;
  a: Int32Array;
  i: number;
  /** wr, store, add, sub, ...: the operand; upd: the delta; wait: the expected value. */
  v: number;
  /** compareExchange: the replacement; upd: 1 for postfix (returns the old value);
   * wait: 1 when timed (it may time out). */
  w: number;
  until?: () => boolean;
}

function op(k: OpKind, a: Int32Array, i: number, v = 0, w = 0): Op {
  return { k, a, i, v, w };
}

type G<T> = Generator<Op, T, number | string>;

/** The operations, as the instrumented code calls them: `(yield* __sh.load(mem, i))`. */
export const __sh = {
  *rd(a: Int32Array, i: number): G<number> { return (yield op('rd', a, i)) as number; },
  *wr(a: Int32Array, i: number, v: number): G<number> { yield op('wr', a, i, v); return v; },
  *upd(a: Int32Array, i: number, delta: number, post: boolean): G<number> {
    // A plain read-modify-write is two accesses, and another M may come between them.
    const old = (yield op('rd', a, i)) as number;
    yield op('wr', a, i, old + delta);
    return post ? old : old + delta;
  },
  *load(a: Int32Array, i: number): G<number> { return (yield op('load', a, i)) as number; },
  *store(a: Int32Array, i: number, v: number): G<number> { return (yield op('store', a, i, v)) as number; },
  *add(a: Int32Array, i: number, v: number): G<number> { return (yield op('add', a, i, v)) as number; },
  *sub(a: Int32Array, i: number, v: number): G<number> { return (yield op('sub', a, i, v)) as number; },
  *and(a: Int32Array, i: number, v: number): G<number> { return (yield op('and', a, i, v)) as number; },
  *or(a: Int32Array, i: number, v: number): G<number> { return (yield op('or', a, i, v)) as number; },
  *xor(a: Int32Array, i: number, v: number): G<number> { return (yield op('xor', a, i, v)) as number; },
  *exchange(a: Int32Array, i: number, v: number): G<number> { return (yield op('exchange', a, i, v)) as number; },
  *compareExchange(a: Int32Array, i: number, e: number, r: number): G<number> {
    return (yield op('compareExchange', a, i, e, r)) as number;
  },
  /** A finite timeout makes the wait timed (w = 1): the search may then let it time out
   * at any point while it sleeps, whatever the timeout (time is a choice, as in the
   * models; only the wait's result may steer the code, never a clock). */
  *wait(a: Int32Array, i: number, v: number, timeout?: number): G<string> {
    const timed = timeout !== undefined && timeout !== Infinity ? 1 : 0;
    return (yield op('wait', a, i, v, timed)) as string;
  },
  *notify(a: Int32Array, i: number, count?: number): G<number> {
    return (yield op('notify', a, i, count ?? Infinity)) as number;
  },
  /** Scenario helper: block this goroutine (holding its cpu, as Go code spinning on a
   * flag would) until `cond` holds. */
  *until(a: Int32Array, cond: () => boolean): G<void> {
    const o = op('until', a, 0);
    o.until = cond;
    yield o;
  },
};
