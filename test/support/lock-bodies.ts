// Worker bodies for test/sched-lock.test.ts: threads that contend for one no-starve lock
// (src/sched/lock.ts) in a SharedArrayBuffer. Which body runs, and with which
// starvation threshold, comes in workerData.
import { isMainThread, workerData } from 'node:worker_threads';
import { lockNoStarve, unlockNoStarve } from '../../src/sched/lock.js';

/** Words of the shared array after the lock's three. */
export const STOP = 4; // set once the barger must stop
export const CYCLES = 5; // the barger's completed holds
export const WAITED_US = 6; // how long the waiter waited for the lock, in microseconds
export const BARGER_GAVE_UP = 7; // 1: the barger's time ran out before the waiter got the lock
export const COUNTER = 8; // a plain counter, incremented only under the lock
export const INSIDE = 9; // a plain flag: someone is inside the critical section
export const OVERLAPS = 10; // times a thread found INSIDE already set
export const WORDS = 16;

export interface LockJob {
  role: 'barger' | 'waiter' | 'counter';
  sab: SharedArrayBuffer;
  starveMs: number;
  /** barger: how long each hold lasts, and how long it may barge in all. */
  holdUs?: number;
  bargeMs?: number;
  /** counter: how many increments. */
  rounds?: number;
}


function busy(us: number): void {
  const end = performance.now() + us / 1000;
  while (performance.now() < end);
}

// The test imports the word numbers above; only a worker runs a body.
if (!isMainThread) run(workerData as LockJob);

function run(job: LockJob): void {
const mem = new Int32Array(job.sab);
if (job.role === 'barger') {
  // Releases the lock and retakes it at once, in a loop, as an M that yields in a loop
  // does with schedlock: the cycle the `exits` trail of models/liveness-wired shows.
  const end = performance.now() + job.bargeMs!;
  lockNoStarve(mem, 0, job.starveMs);
  while (Atomics.load(mem, STOP) === 0) {
    if (performance.now() > end) {
      Atomics.store(mem, BARGER_GAVE_UP, 1);
      break;
    }
    busy(job.holdUs!);
    Atomics.add(mem, CYCLES, 1);
    unlockNoStarve(mem, 0);
    lockNoStarve(mem, 0, job.starveMs);
  }
  unlockNoStarve(mem, 0);
} else if (job.role === 'waiter') {
  while (Atomics.load(mem, CYCLES) < 3) Atomics.wait(mem, CYCLES, Atomics.load(mem, CYCLES), 1);
  const t0 = performance.now();
  lockNoStarve(mem, 0, job.starveMs);
  Atomics.store(mem, WAITED_US, Math.round((performance.now() - t0) * 1000));
  Atomics.store(mem, STOP, 1);
  unlockNoStarve(mem, 0);
} else {
  for (let i = 0; i < job.rounds!; i++) {
    lockNoStarve(mem, 0, job.starveMs);
    if (mem[INSIDE] !== 0) mem[OVERLAPS]!++;
    mem[INSIDE] = 1;
    const c = mem[COUNTER]!;
    // Now and then a hold longer than a waiter's spin, so that waiters sleep (and, with
    // starveMs 0, starve at once) and the FIFO is used.
    if ((i & 63) === 0) busy(50);
    else if ((i & 7) === 0) busy(2);
    mem[COUNTER] = c + 1;
    mem[INSIDE] = 0;
    unlockNoStarve(mem, 0);
  }
}
}
