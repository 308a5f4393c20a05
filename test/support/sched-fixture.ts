// A scheduler on one thread, for unit tests of the protocol's bookkeeping. M's are
// rows whose "threads" are only recorded; the test plays every part itself.
import { NIL, type Protocol, Sched, schedinit, initdone, S_LOCKGEN } from '../../src/sched/index.js';

export interface Fixture {
  s: Sched;
  started: number[];
  exits: number;
}

export function fixture(protocol: Protocol, gomaxprocs: number): Fixture {
  const f: Fixture = { s: undefined as unknown as Sched, started: [], exits: 0 };
  f.s = Sched.create({ protocol, maxg: 16, maxm: 8 }, {
    newosproc: (m) => f.started.push(m),
    exit: () => f.exits++,
  });
  schedinit(f.s, gomaxprocs);
  initdone(f.s, NIL);
  return f;
}

/** How many times schedlock has been acquired so far. */
export function lockgen(s: Sched): number {
  return s.mem[S_LOCKGEN]!;
}
