// Goroutine bodies of the benchmarks: these functions run on worker threads (M's), started by
// Runtime.go(BODIES_URL, name, args). They are ports of the commit's proc_test.go:
//
//   for atomic.AddInt32(&N, -1) >= 0 {
//       runtime.Gosched()
//       for g := 0; g < CallsPerSched; g++ {
//           runtime.Entersyscall()
//           [LocalWork steps of foo *= 2; foo /= 2]
//           runtime.Exitsyscall()
//       }
//   }
//
// N, the count of enter/exit pairs done and the count of failed work checks live in the
// runtime's shared userWords, at the indices below.

import fs from 'node:fs';
import { entersyscall, exitsyscall, gosched, syscall, userWords } from '../runtime/goroutine.js';

/** userWords indices. */
export const W_N = 0;        // batches of CALLS_PER_SCHED left (the benchmark's N)
export const W_PAIRS = 1;    // entersyscall/exitsyscall pairs done, summed over goroutines
export const W_FAIL = 2;     // goroutines whose work check (foo == 42) failed
export const W_REQS = 8;     // server benchmark: requests served
export const W_ERRS = 9;     // server benchmark: responses that did not check out
export const W_BYTES = 10;   // server benchmark: bytes read

export const CALLS_PER_SCHED = 1000;
export const LOCAL_WORK = 100;

// Loop shape. The batch of pairs is a function of its own, not an inner loop of the
// goroutine's body: the body runs only once per goroutine, so V8 can compile its hot
// inner loop only by on-stack replacement, mid-loop, before the code after the loop has
// ever run; that code then deoptimises on "insufficient type feedback" when the first
// batch ends, and what the body runs next depended on when the concurrent recompilation
// landed: the atomic BenchmarkSyscall-1 came out either fast or about 1.6x slower from
// one invocation to the next. A small batch function is called once per batch: after its
// first call its feedback is complete and it is compiled (with entersyscall/exitsyscall
// inlined) as a whole function, the same way in every invocation.

/** CALLS_PER_SCHED enter/exit pairs. */
function syscallBatch(): void {
  for (let g = 0; g < CALLS_PER_SCHED; g++) {
    entersyscall();
    exitsyscall();
  }
}

/** CALLS_PER_SCHED pairs with `localWork` multiply/divide steps of foo inside each;
 * returns foo (42 unless the arithmetic went wrong). */
function syscallWorkBatch(foo: number, localWork: number): number {
  for (let g = 0; g < CALLS_PER_SCHED; g++) {
    entersyscall();
    for (let i = 0; i < localWork; i++) {
      foo *= 2;
      foo /= 2;
    }
    exitsyscall();
  }
  return foo;
}

/** BenchmarkSyscall's goroutine (and BenchmarkSyscallExcess's: only the count differs). */
export function benchSyscall(): void {
  const w = userWords();
  let pairs = 0;
  // Atomics.sub returns the old value: old > 0 is Go's AddInt32(&N, -1) >= 0.
  while (Atomics.sub(w, W_N, 1) > 0) {
    gosched();
    syscallBatch();
    pairs += CALLS_PER_SCHED;
  }
  Atomics.add(w, W_PAIRS, pairs);
}

/** BenchmarkSyscallWork's goroutine: `localWork` multiply/divide steps inside each pair. */
export function benchSyscallWork(localWork: number = LOCAL_WORK): void {
  const w = userWords();
  let pairs = 0;
  let foo = 42;
  while (Atomics.sub(w, W_N, 1) > 0) {
    gosched();
    foo = syscallWorkBatch(foo, localWork);
    pairs += CALLS_PER_SCHED;
  }
  Atomics.add(w, W_PAIRS, pairs);
  if (foo !== 42) Atomics.add(w, W_FAIL, 1);
}

/**
 * One client of the server benchmark: `requests` times, a burst of computation (`burst` steps
 * of a hash) then real blocking system calls, each inside syscall(): a stat and a read of a
 * small file of `dir`, whose content is checked against its size.
 */
export function serverClient(dir: string, nfiles: number, requests: number, burst: number, seed: number): void {
  const w = userWords();
  let x = seed | 0;
  let bytes = 0, errs = 0;
  for (let r = 0; r < requests; r++) {
    for (let i = 0; i < burst; i++) x = (Math.imul(x, 1103515245) + 12345) | 0;
    const f = `${dir}/f${(x >>> 8) % nfiles}`;
    const size = syscall(() => fs.statSync(f).size);
    const data = syscall(() => fs.readFileSync(f));
    if (data.length !== size) errs++;
    for (let i = 0; i < data.length; i++) x = (Math.imul(x, 31) + data[i]!) | 0;
    bytes += data.length;
    if ((r & 15) === 15) gosched();
  }
  Atomics.add(w, W_REQS, requests);
  Atomics.add(w, W_ERRS, errs);
  Atomics.add(w, W_BYTES, bytes);
}
