// The stress run's goroutines. Each runs on its own M (worker thread).

import {
  GOMAXPROCS, entersyscall, exitsyscall, gosched, startTheWorld, stopTheWorld, syscall, userWords, whoami,
} from '../runtime/goroutine.js';
import { G_STATUS, G_STRIDE, Grunning } from '../sched/layout.js';
import { U_CONTROLLER_UP, U_FINISHED, U_PROCS_CHANGES, U_PROGRESS, U_STOPPED_WORLD_BAD, U_STW } from './words.js';

/** Worker i: `pairs` entersyscall/exitsyscall pairs in batches, calling the scheduler
 * (gosched) before each batch, as the commit's BenchmarkSyscall does. */
export function pairWorker(i: number, pairs: number, batch: number): void {
  const u = userWords();
  // Start together with the controller (its thread may start after ours): wait in a
  // syscall, which leaves this goroutine's cpu slot to the others.
  while (Atomics.load(u, U_CONTROLLER_UP) === 0) syscall(() => Atomics.wait(u, U_CONTROLLER_UP, 0, 5));
  let done = 0;
  while (done < pairs) {
    gosched();
    const n = Math.min(batch, pairs - done);
    for (let k = 0; k < n; k++) {
      entersyscall();
      exitsyscall();
    }
    done += n;
    Atomics.store(u, U_PROGRESS + i, done);
  }
  Atomics.add(u, U_FINISHED, 1);
}

/**
 * The collector's part: until every worker has finished, and for at least `minRounds`
 * rounds, stop the world, check that it is stopped, start it, and set GOMAXPROCS to a
 * pseudo-random value in 1..threads. Between rounds it sleeps briefly inside a syscall,
 * leaving its cpu slot to the workers.
 */
export function controller(threads: number, workers: number, seed: number, gTableBase: number, gRows: number, minRounds: number): void {
  const u = userWords();
  const mem = new Int32Array(u.buffer);
  const self = whoami().g;
  let x = seed >>> 0 || 1;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  Atomics.store(u, U_CONTROLLER_UP, 1);
  Atomics.notify(u, U_CONTROLLER_UP);
  for (let round = 0; round < minRounds || Atomics.load(u, U_FINISHED) < workers; round++) {
    stopTheWorld();
    // Stopped: no other goroutine executes Go code, so none is Grunning. (mcpu itself may
    // read 2 for a moment: exitsyscall's slow path counts itself in before the scheduler
    // takes it out again, as the commit's comment there says.)
    for (let g = 0; g < gRows; g++) {
      if (g !== self && mem[gTableBase + g * G_STRIDE + G_STATUS] === Grunning) Atomics.add(u, U_STOPPED_WORLD_BAD, 1);
    }
    Atomics.add(u, U_STW, 1);
    startTheWorld();

    x ^= x << 13; x ^= x >>> 17; x ^= x << 5; x >>>= 0; // xorshift32
    GOMAXPROCS(1 + (x % threads));
    Atomics.add(u, U_PROCS_CHANGES, 1);

    syscall(() => Atomics.wait(pause, 0, 0, 0.2));
  }
}
