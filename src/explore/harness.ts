// The scheduler's world for the explorer: a fresh instrumented Sched, the scenario's
// goroutines created and initdone called before exploring begins, one coroutine per M
// (mstart, as m-worker.ts runs it on a real thread), and the checks run after every
// step: the commit's two monitor invariants, the protocol's purpose, the stopped world,
// and at the end a scheduler at rest with every goroutine finished.

import {
  G_STATUS_NAMES, G_STRIDE, M_HAVENEXTG, M_STRIDE, M_WHERE, NIL, P, S_ATOMIC, S_GCOUNT, S_GCWAITING, S_GRUNNING,
  S_GWAIT, S_LOCK, S_LOCKGEN, S_MCOUNT, S_MWAIT, SCHED_WORDS, USER_WORDS, type Protocol,
  atomicGwaiting, atomicMcpu, atomicMcpumax, atomicWaitstop, G_STATUS,
} from '../sched/index.js';
import * as layout from '../sched/layout.js';
import type { InstrumentedSched } from './engine/load.js';
import { Machine, type ThreadGen } from './engine/machine.js';
import { __sh, type Op } from './engine/ops.js';
import type { World } from './engine/search.js';

type Gen<T = void> = Generator<Op, T, number | string>;

/** User words from here on are the goroutines' work() words; scenario flags lie below. */
const WORK_FLAGS = 32;

/** What a scenario's goroutine can do. Each call into the scheduler ends the caller's
 * stint of Go code and begins a new one when it returns (see stress/purpose.ts). */
export interface GoApi {
  /** This goroutine's index in the scenario. */
  readonly k: number;
  entersyscall(): Gen;
  exitsyscall(): Gen;
  gosched(): Gen;
  /** Park until another goroutine readies this one. */
  park(): Gen;
  /** Ready goroutine k2 of the scenario. */
  ready(k2: number): Gen;
  gomaxprocs(n: number): Gen<number>;
  stoptheworld(): Gen;
  starttheworld(): Gen;
  /** A step of Go code between scheduler calls (a store to this goroutine's own word):
   * without one, a stint that ends at once is never seen at a step boundary. */
  work(): Gen;
  /** A scenario flag in the user words (a scheduling point like any shared access). */
  setFlag(i: number, v: number): Gen;
  flag(i: number): Gen<number>;
  /** Wait in Go code (holding the cpu) until flag i is v. */
  untilFlag(i: number, v: number): Gen;
}

export interface Scenario {
  name: string;
  summary: string;
  /** What it covers that the stress cannot. */
  covers: string;
  gomaxprocs: number;
  goroutines: ((go: GoApi) => Gen)[];
  /** A check of the scenario's own flags at the end (e.g. every step happened). */
  atEnd?: (flags: Int32Array) => string | null;
}

interface Stint {
  g: number;
  inStint: boolean;
  epoch: number;
  done: boolean;
}

/** Builds the world factory for a scenario under a protocol. */
export function worldFor(S: InstrumentedSched, sc: Scenario, protocol: Protocol): () => World {
  const n = sc.goroutines.length;
  return () => {
    const threads: { m: number; gen: ThreadGen }[] = [];
    let machine: Machine | null = null;
    const s = S.Sched.create({ protocol, maxg: n, maxm: n + 1 }, {
      newosproc: (m: number) => {
        const gen = mstart(m);
        if (machine) machine.spawn(`m${m}`, gen);
        else threads.push({ m, gen });
      },
      exit: () => {},
    });
    const mem = s.mem as Int32Array;
    const lowered = () => mem[s.pathBase + P['mcpumax.lowered']]!;
    const flags = new Int32Array(s.buffer, s.layout.userBase * 4, USER_WORDS);
    const stints: Stint[] = sc.goroutines.map(() => ({ g: NIL, inStint: false, epoch: 0, done: false }));
    const bodyOf = new Map<number, number>(); // G row -> goroutine index
    let stoppedBy = -1;

    function* mstart(m: number): ThreadGen {
      // A stint's generation is read before the scheduler call that grants it (see
      // stress/purpose.ts): the check may only be more lenient than the definition.
      let epoch = lowered();
      let g: number = yield* S.schedule(s, m, NIL);
      for (;;) {
        yield* S.lockOSThread(s, m, g);
        const k = bodyOf.get(g)!;
        const st = stints[k]!;
        st.inStint = true;
        st.epoch = epoch;
        yield* sc.goroutines[k]!(api(k, m, g));
        st.inStint = false;
        st.done = true;
        epoch = lowered();
        g = yield* S.goexit(s, m, g);
      }
    }

    function api(k: number, m: number, g: number): GoApi {
      const st = stints[k]!;
      // A call that gives up the cpu and gets it back (exitsyscall, gosched, park) begins
      // a new stint; one that need not give it up (ready, GOMAXPROCS, stoptheworld, ...)
      // resumes the old one, with its generation (see stress/purpose.ts).
      function* call<T>(inner: Gen<T>, renew: boolean): Gen<T> {
        const epoch = lowered();
        st.inStint = false;
        const r = yield* inner;
        st.inStint = true;
        if (renew) st.epoch = epoch;
        return r;
      }
      function* wired(next: Gen<number>): Gen {
        const got = yield* call(next, true);
        if (got !== g) throw new Error(`m${m} was handed g${got} while g${g} is on its stack`);
      }
      function* enter(): Gen {
        // In a system call the goroutine executes no Go code: no stint until exitsyscall.
        st.inStint = false;
        yield* S.entersyscall(s, m, g);
      }
      return {
        k,
        entersyscall: enter,
        exitsyscall: () => call(S.exitsyscall(s, m, g), true),
        gosched: () => wired(S.gosched(s, m, g)),
        park: () => wired(S.park(s, m, g)),
        ready: (k2: number) => call(S.ready(s, m, stints[k2]!.g), false),
        *gomaxprocs(procs: number): Gen<number> {
          const before = lowered();
          const r: number = yield* call(S.gomaxprocsfunc(s, m, g, procs), false);
          // The commit: if there are now fewer allowed procs than procs running, the
          // caller stops (gosched). So on return, unless another lowering intervened or
          // the world is being stopped, everyone running must fit in mcpumax.
          const v = mem[S_ATOMIC]!;
          const running = stints.filter((x) => x.inStint).length;
          if (mem[S_GCWAITING] === 0 && lowered() - before <= 2 && running > atomicMcpumax(v)) {
            throw new Error(`GOMAXPROCS(${procs}) returned to its caller while ${running} goroutines run and mcpumax is ${atomicMcpumax(v)}: the caller kept its cpu`);
          }
          return r;
        },
        *stoptheworld(): Gen {
          yield* call(S.stoptheworld(s, m), false);
          stoppedBy = k;
        },
        *starttheworld(): Gen {
          stoppedBy = -1;
          yield* call(S.starttheworld(s, m), false);
        },
        *work(): Gen { yield* __sh.store(flags, WORK_FLAGS + k, 1); },
        *setFlag(i: number, v: number): Gen { yield* __sh.store(flags, i, v); },
        *flag(i: number): Gen<number> { return yield* __sh.load(flags, i); },
        *untilFlag(i: number, v: number): Gen { yield* __sh.until(flags, () => Atomics.load(flags, i) === v); },
      };
    }

    // Set-up, before the exploration: run to completion with nobody else running.
    runNow(S.schedinit(s, sc.gomaxprocs));
    for (let k = 0; k < n; k++) {
      const g: number = runNow(S.newproc(s, NIL, () => {}));
      stints[k]!.g = g;
      bodyOf.set(g, k);
    }
    runNow(S.initdone(s, NIL));
    machine = new Machine(mem);
    for (const t of threads) machine.spawn(`m${t.m}`, t.gen);
    const mBase = s.mBase as number;
    const ghostWords = new Set<number>([S_LOCKGEN]);
    for (let m = 0; m < n + 1; m++) ghostWords.add(mBase + m * M_STRIDE + M_WHERE);
    machine.ghost = (op) => op.a === mem && ghostWords.has(op.i);
    const indices: number[] = [];
    for (let i = 0; i < s.layout.specBase / 4; i++) if (!ghostWords.has(i)) indices.push(i);
    for (let i = 0; i < USER_WORDS; i++) indices.push(s.layout.userBase + i);

    const world: World = {
      machine,
      stateIndices: Int32Array.from(indices),
      nameOf: (i) => nameOf(i, s.gBase as number, mBase, s.layout.userBase as number),
      check() {
        const v = mem[S_ATOMIC]!;
        const mcpu = atomicMcpu(v);
        const mcpumax = atomicMcpumax(v);
        if (mem[S_LOCK] === 0) {
          // word.ts: gwaiting mirrors gwait != 0 (both change only under schedlock).
          if (atomicGwaiting(v) !== (mem[S_GWAIT]! > 0 ? 1 : 0)) return `word: gwaiting is ${atomicGwaiting(v)} while gwait is ${mem[S_GWAIT]}`;
          if (mem[S_GWAIT]! > 0 && mcpu < mcpumax) return `invariant 1: ${mem[S_GWAIT]} g's waiting while mcpu ${mcpu} < mcpumax ${mcpumax}`;
          if (atomicWaitstop(v) && mcpu <= mcpumax) return `invariant 2: waitstop set while mcpu ${mcpu} <= mcpumax ${mcpumax}`;
        }
        const gen = lowered();
        let running = 0;
        let fresh = 0;
        for (const x of stints) {
          if (!x.inStint) continue;
          running++;
          if (x.epoch === gen) fresh++;
        }
        // While a lowering is in progress (odd generation) no stint counts as new.
        if ((gen & 1) === 0 && fresh > 0 && running > mcpumax) return `purpose: ${running} goroutines execute Go code (${fresh} began since mcpumax was last lowered) with mcpumax ${mcpumax}`;
        if (stoppedBy >= 0) {
          const other = stints.findIndex((x, k) => k !== stoppedBy && x.inStint);
          if (other >= 0) return `stopped world: goroutine ${other} executes Go code while goroutine ${stoppedBy} has the world stopped`;
        }
        return null;
      },
      atEnd() {
        const asleep = machine!.threads.filter((t) => t.op !== null);
        const notIdle = asleep.filter((t) => !(t.asleep && t.op!.k === 'wait' && (t.op!.i - mBase) % M_STRIDE === M_HAVENEXTG));
        const lost = stints.map((x, k) => (x.done ? -1 : k)).filter((k) => k >= 0);
        if (notIdle.length > 0 || lost.length > 0) {
          const where = asleep.map((t) => `${t.name} ${t.op!.k === 'until' ? 'waits in Go code' : `sleeps on ${nameOf(t.op!.i, s.gBase, mBase, s.layout.userBase)}`}`);
          const gs = lost.map((k) => `goroutine ${k} (${G_STATUS_NAMES[mem[s.gBase + stints[k]!.g * G_STRIDE + G_STATUS]!]})`);
          return `deadlock: nothing can run; ${where.join(', ')}${gs.length ? `; never finished: ${gs.join(', ')}` : ''}`;
        }
        const v = mem[S_ATOMIC]!;
        const rest: [string, number, number][] = [
          ['mcpu', atomicMcpu(v), 0], ['waitstop', atomicWaitstop(v), 0], ['gwait', mem[S_GWAIT]!, 0],
          ['gcount', mem[S_GCOUNT]!, 0], ['grunning', mem[S_GRUNNING]!, 0], ['lock', mem[S_LOCK]!, 0],
          ['mwait', mem[S_MWAIT]!, mem[S_MCOUNT]!], ['gcwaiting', mem[S_GCWAITING]!, 0],
        ];
        const bad = rest.filter(([, got, want]) => got !== want).map(([k, got, want]) => `${k} is ${got}, expected ${want}`);
        if (bad.length) return `not at rest at the end: ${bad.join(', ')}`;
        return sc.atEnd?.(flags) ?? null;
      },
    };
    return world;
  };
}

/** Runs a generator to its end at once, performing its operations directly (set-up
 * only: nothing else runs, so nothing may block). */
function runNow<T>(gen: Gen<T>): T {
  let value: number | string = 0;
  for (;;) {
    const r = gen.next(value);
    if (r.done) return r.value;
    const op = r.value;
    const a = op.a;
    switch (op.k) {
      case 'rd': case 'load': value = a[op.i]!; break;
      case 'wr': case 'store': a[op.i] = op.v; value = op.v; break;
      case 'add': value = Atomics.add(a, op.i, op.v); break;
      case 'sub': value = Atomics.sub(a, op.i, op.v); break;
      case 'exchange': value = Atomics.exchange(a, op.i, op.v); break;
      case 'compareExchange': value = Atomics.compareExchange(a, op.i, op.v, op.w); break;
      case 'notify': value = 0; break;
      default: throw new Error(`set-up step '${op.k}' would block`);
    }
  }
}

const SCHED_NAMES = new Map<number, string>();
for (const [k, v] of Object.entries(layout)) if (/^S_/.test(k) && typeof v === 'number' && v < SCHED_WORDS) SCHED_NAMES.set(v, k.slice(2).toLowerCase());
const G_NAMES = new Map<number, string>();
for (const [k, v] of Object.entries(layout)) if (/^G_[A-Z]+$/.test(k) && k !== 'G_STRIDE' && typeof v === 'number') G_NAMES.set(v, k.slice(2).toLowerCase());
const M_NAMES = new Map<number, string>();
for (const [k, v] of Object.entries(layout)) if (/^M_[A-Z]+$/.test(k) && k !== 'M_STRIDE' && typeof v === 'number') M_NAMES.set(v, k.slice(2).toLowerCase());

function nameOf(i: number, gBase: number, mBase: number, userBase: number): string {
  if (i < SCHED_WORDS) return `sched.${SCHED_NAMES.get(i) ?? i}`;
  if (i < mBase) return `g${Math.floor((i - gBase) / G_STRIDE)}.${G_NAMES.get((i - gBase) % G_STRIDE) ?? (i - gBase) % G_STRIDE}`;
  if (i < userBase) return `m${Math.floor((i - mBase) / M_STRIDE)}.${M_NAMES.get((i - mBase) % M_STRIDE) ?? (i - mBase) % M_STRIDE}`;
  return `flag${i - userBase}`;
}
