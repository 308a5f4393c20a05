// A benchmark driver like Go's testing.B: run the body once with b.N = 1, then grow b.N until one
// run lasts at least the benchtime. The growth rule is the one Go's testing package used from
// Go 1.2 to Go 1.12 (benchmark.go, launch/roundUp): predict b.N from the last run's ns/op, ask
// for 1.2x that, grow at most 100x and at least by one, round up to 1eX, 2eX, 3eX or 5eX, stop
// at 1e9 iterations. With a count benchtime ("100x") it runs b.N = 1 and then exactly the count.

import type { Benchtime } from './benchtime.js';

/**
 * What one run of a benchmark body reports: its wall time and, if it failed, why. `n` is set
 * when the run was cut short at its deadline (see runBenchmark) and did fewer iterations.
 */
export type RunResult = { ns: number; failed?: string; n?: number };

/** One benchmark's result, as Go's BenchmarkResult: the last run's N and time. */
export type BenchResult = {
  n: number;
  ns: number;       // wall time of the last run, in nanoseconds
  nsPerOp: number;  // ns / n, as a float (Go >= 1.12 prints it this way)
  runs: { n: number; ns: number }[];  // every run, in order (b.N growth sequence)
  failed?: string;
};

/** Rounds n down to a power of 10 (Go's roundDown10). */
export function roundDown10(n: number): number {
  let tens = 0;
  while (n >= 10) {
    n = Math.floor(n / 10);
    tens++;
  }
  return 10 ** tens;
}

/** Rounds n up to a number of the form 1eX, 2eX, 3eX or 5eX (Go's roundUp). */
export function roundUp(n: number): number {
  const base = roundDown10(n);
  if (n <= base) return base;
  if (n <= 2 * base) return 2 * base;
  if (n <= 3 * base) return 3 * base;
  if (n <= 5 * base) return 5 * base;
  return 10 * base;
}

/**
 * The next b.N after a run of `last` iterations that took `durationNs`, aiming at `goalNs`:
 * Go's `n = d / nsPerOp; n = max(min(n+n/5, 100*last), last+1); n = roundUp(n)`, where
 * nsPerOp is the integer ns/op of the last run (0 means "too fast to tell": predict d).
 */
export function nextN(last: number, durationNs: number, goalNs: number): number {
  let n = Math.floor(goalNs);
  const nsop = Math.floor(durationNs / last);
  if (nsop !== 0) n = Math.floor(n / nsop);
  n = Math.max(Math.min(n + Math.floor(n / 5), 100 * last), last + 1);
  return roundUp(n);
}

/** Go's loop bound: no run of more than 1e9 iterations is started by the growth rule. */
export const MAX_N = 1e9;

/** With a duration benchtime, a run may last at most this many benchtimes (see runBenchmark). */
export const DEADLINE_FACTOR = 5;

/** How many times a b.N = 1 run that lasted the whole benchtime is run again (see runBenchmark). */
export const COLD_RETRIES = 2;

/**
 * Runs a benchmark the way Go's testing.B.run1 + launch do. `runN(n, deadlineNs)` runs the
 * body with b.N = n and returns its wall time.
 *
 * One deviation from Go, for bodies whose cost per iteration grows with b.N (the Excess
 * benchmarks: a short run can finish before the goroutines contend, so the prediction for the
 * next one is far too large): with a duration benchtime, `runN` is given a deadline of
 * DEADLINE_FACTOR benchtimes, and a body that honours it stops handing out work then and
 * reports the iterations it did in `n`; that run's N and ns/op are the ones done. Go would
 * instead run the whole predicted N. `onRun` sees every run (for progress output).
 *
 * A second deviation: a b.N = 1 run that lasts the whole duration benchtime is taken for a
 * cold start (threads still starting, code not yet compiled), not a result: it is run again,
 * up to COLD_RETRIES times; Go would report it as the result with N = 1. Every run stays in
 * `runs`; only a b.N = 1 run that stays that slow is returned, and the benchmark suite
 * (suite.ts) turns that into a failure with no figure, as its bodies do no work at b.N = 1.
 */
export async function runBenchmark(
  runN: (n: number, deadlineNs?: number) => Promise<RunResult>,
  benchtime: Benchtime,
  onRun?: (n: number, ns: number, cut: boolean) => void,
): Promise<BenchResult> {
  const runs: { n: number; ns: number }[] = [];
  const deadline = benchtime.kind === 'duration' ? DEADLINE_FACTOR * benchtime.ns : undefined;
  let n = 1;
  const once = async (want: number) => {
    const r = await runN(want, deadline);
    const done = r.n ?? want;
    runs.push({ n: done, ns: r.ns });
    onRun?.(done, r.ns, done !== want);
    n = done;
    return r;
  };
  let r = await once(n);
  for (let retry = 0; retry < COLD_RETRIES && benchtime.kind === 'duration' && r.failed === undefined && r.ns >= benchtime.ns; retry++) {
    r = await once(1);
  }
  if (r.failed === undefined) {
    if (benchtime.kind === 'count') {
      if (benchtime.n > 1) r = await once(benchtime.n);
    } else {
      while (r.failed === undefined && r.ns < benchtime.ns && n < MAX_N) {
        r = await once(nextN(n, r.ns, benchtime.ns));
      }
    }
  }
  const result: BenchResult = { n, ns: r.ns, nsPerOp: r.ns / n, runs };
  if (r.failed !== undefined) result.failed = r.failed;
  return result;
}

/** The sequence of b.N values Go would try if every iteration took exactly `nsPerOp`. */
export function growthSequence(nsPerOp: number, goalNs: number): number[] {
  const seq = [1];
  let n = 1;
  while (n * nsPerOp < goalNs && n < MAX_N) {
    n = nextN(n, n * nsPerOp, goalNs);
    seq.push(n);
  }
  return seq;
}
