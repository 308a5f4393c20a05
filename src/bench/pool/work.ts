// The work of `gosched bench pool`'s tasks, the same code on every pool: a synchronous block
// (Atomics.wait on a buffer of the task's own, as a blocking system call would block the
// thread) and a fixed amount of computation (a loop calibrated once, in the parent, so that
// every pool is given the same instructions, not the same wall time).

/** One workload: `tasks` tasks, each blocking blockMs then computing computeMs. */
export interface Workload {
  key: 'a' | 'b' | 'c';
  title: string;
  tasks: number;
  blockMs: number;
  computeMs: number;
}

export const WORKLOADS: readonly Workload[] = [
  { key: 'a', title: '64 tasks blocking 50 ms', tasks: 64, blockMs: 50, computeMs: 0 },
  { key: 'b', title: '200 tasks: block 10 ms, compute 2 ms', tasks: 200, blockMs: 10, computeMs: 2 },
  { key: 'c', title: '64 tasks of 50 ms CPU work', tasks: 64, blockMs: 0, computeMs: 50 },
];

/** What a task is given: how long to block, how many loop iterations to compute. */
export interface TaskSpec {
  blockMs: number;
  iters: number;
}

/** Blocks this thread for ms milliseconds, as a synchronous system call would. */
export function block(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** `iters` rounds of an integer hash: pure computation the JIT cannot remove (the result
 * is returned) nor shorten. */
export function spin(iters: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < iters; i++) {
    h ^= i;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Iterations of spin() per millisecond on this thread (best of several timed rounds, after
 * the JIT has compiled the loop). */
export function calibrate(): number {
  spin(2e6);
  let best = 0;
  for (let round = 0; round < 7; round++) {
    const iters = 2e6;
    const t0 = process.hrtime.bigint();
    spin(iters);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    best = Math.max(best, iters / ms);
  }
  return Math.round(best);
}

/** The task, on whichever thread runs it. */
export function runTask(t: TaskSpec): number {
  block(t.blockMs);
  return spin(t.iters);
}
