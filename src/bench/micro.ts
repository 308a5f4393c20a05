// The commit's benchmarks (and the modern runtime's Excess variants), run on a Runtime: one run
// with b.N = n sets the shared countdown to n / CallsPerSched, starts the goroutines and waits
// for them all, timing the whole like Go's StartTimer/StopTimer around the benchmark function.

import type { Runtime } from '../runtime/runtime.js';
import type { RunResult } from './harness.js';
import { CALLS_PER_SCHED, LOCAL_WORK, W_FAIL, W_N, W_PAIRS } from './bodies.js';

export const BODIES_URL = new URL('./bodies.js', import.meta.url).href;

export type MicroBench = {
  name: string;
  fn: 'benchSyscall' | 'benchSyscallWork';
  work: number;    // multiply/divide steps inside each pair
  excess: number;  // goroutines per proc
};

export const MICRO_BENCHMARKS: MicroBench[] = [
  { name: 'BenchmarkSyscall', fn: 'benchSyscall', work: 0, excess: 1 },
  { name: 'BenchmarkSyscallWork', fn: 'benchSyscallWork', work: LOCAL_WORK, excess: 1 },
  { name: 'BenchmarkSyscallExcess', fn: 'benchSyscall', work: 0, excess: 4 },
  { name: 'BenchmarkSyscallExcessWork', fn: 'benchSyscallWork', work: LOCAL_WORK, excess: 4 },
];

/** The count of enter/exit pairs a run with b.N = n does: Go's int32(b.N / CallsPerSched) batches. */
export function expectedPairs(n: number): number {
  return Math.floor(n / CALLS_PER_SCHED) * CALLS_PER_SCHED;
}

export type MicroRun = RunResult & { pairs: number; goroutines: number };

/**
 * One run of `b` with b.N = n at the Runtime's current GOMAXPROCS (`procs`). With a deadline
 * (ns from the start), the countdown is zeroed when it passes: the goroutines finish the batch
 * they are in and stop, and the result's `n` is the pairs actually done.
 */
export async function runMicro(rt: Runtime, b: MicroBench, procs: number, n: number, deadlineNs?: number): Promise<MicroRun> {
  const w = rt.userWords;
  Atomics.store(w, W_PAIRS, 0);
  Atomics.store(w, W_FAIL, 0);
  Atomics.store(w, W_N, Math.floor(n / CALLS_PER_SCHED));
  const goroutines = procs * b.excess;
  const args = b.fn === 'benchSyscallWork' ? [b.work] : [];
  const t0 = process.hrtime.bigint();
  let cut = false;
  const timer = deadlineNs === undefined ? undefined : setTimeout(() => {
    cut = Atomics.exchange(w, W_N, 0) > 0;
  }, Math.ceil(deadlineNs / 1e6));
  for (let i = 0; i < goroutines; i++) rt.go(BODIES_URL, b.fn, args);
  try {
    await rt.wait();
  } finally {
    clearTimeout(timer);
  }
  const ns = Number(process.hrtime.bigint() - t0);
  const pairs = Atomics.load(w, W_PAIRS);
  const fails = Atomics.load(w, W_FAIL);
  const r: MicroRun = { ns, pairs, goroutines };
  if (cut) r.n = Math.max(1, pairs);
  if (fails > 0) r.failed = `work check failed (foo != 42) in ${fails} of ${goroutines} goroutines`;
  else if (!cut && pairs !== expectedPairs(n)) r.failed = `${pairs} entersyscall/exitsyscall pairs for b.N = ${n}, want ${expectedPairs(n)}`;
  return r;
}
