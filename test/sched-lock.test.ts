// schedlock's no-starve lock (src/sched/lock.ts) on real threads: a waiter is not starved
// by a thread that releases and retakes the lock in a loop (the barging lock, with the
// threshold at Infinity, starves it: that is the cycle of models/liveness-wired's
// `exits` trail), and the FIFO hand-off keeps mutual exclusion. Every run is bounded in
// time: a worker that does not finish in time fails the test.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { NOSTARVE_WORDS, STARVE_MS, lockNoStarve, unlockNoStarve } from '../src/sched/lock.js';
import { BARGER_GAVE_UP, COUNTER, CYCLES, type LockJob, OVERLAPS, WAITED_US, WORDS } from './support/lock-bodies.js';

const body = new URL('./support/lock-bodies.js', import.meta.url);

/** Runs the jobs on worker threads; rejects if any throws or they are not all done in `ms`. */
async function runAll(jobs: LockJob[], ms: number): Promise<void> {
  const workers = jobs.map((j) => new Worker(body, { workerData: j }));
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`lock workers still running after ${ms} ms`)), ms);
  });
  try {
    await Promise.race([
      Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
        w.once('error', reject);
        w.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
      }))),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

test('the lock is three words, free at 0, and an uncontended lock and unlock leave it so', () => {
  assert.equal(NOSTARVE_WORDS, 3);
  const mem = new Int32Array(4);
  assert.equal(lockNoStarve(mem, 0), false, 'no sleep');
  assert.notEqual(mem[0], 0);
  unlockNoStarve(mem, 0);
  assert.deepEqual([...mem], [0, 0, 0, 0]);
  assert.throws(() => unlockNoStarve(mem, 0), /unlock of unlocked lock \(cell 0 was 0\)/);
});

test('a waiter is not starved by a thread that releases and retakes the lock in a loop', { timeout: 60_000 }, async (t) => {
  const sab = new SharedArrayBuffer(WORDS * 4);
  const mem = new Int32Array(sab);
  // The barger holds the lock 500 us at a time and retakes it at once, for at most 4 s;
  // the waiter must get the lock before the barger's time is up.
  await runAll([
    { role: 'barger', sab, starveMs: STARVE_MS, holdUs: 500, bargeMs: 4000 },
    { role: 'waiter', sab, starveMs: STARVE_MS },
  ], 30_000);
  assert.equal(mem[BARGER_GAVE_UP], 0, `the waiter got the lock only once the barger stopped, after ${mem[CYCLES]} holds`);
  assert.ok(mem[CYCLES]! >= 3, 'the barger was barging');
  assert.equal(mem[0], 0, 'free at the end');
  // Usually by hand-off (grant 1); a loaded machine may deschedule the barger between
  // its unlock and its retake, and then the waiter wins by barging, which is fine too.
  t.diagnostic(`waited ${mem[WAITED_US]} us, ${mem[CYCLES]} holds of the barger, ${mem[2]} hand-offs`);
});

test('FIFO hand-off keeps mutual exclusion: four threads that starve at once count exactly', { timeout: 60_000 }, async () => {
  const sab = new SharedArrayBuffer(WORDS * 4);
  const mem = new Int32Array(sab);
  const rounds = 20_000;
  // starveMs 0: every waiter that has to sleep joins the FIFO, so most releases hand off.
  await runAll(Array.from({ length: 4 }, () => ({ role: 'counter' as const, sab, starveMs: 0, rounds })), 40_000);
  assert.equal(mem[OVERLAPS], 0, 'two threads inside at once');
  assert.equal(mem[COUNTER], 4 * rounds, 'lost increments');
  assert.ok(mem[2]! > 0, 'no hand-off happened: the test did not exercise the FIFO');
  assert.equal(mem[1], mem[2], 'every ticket taken was served');
  assert.equal(mem[0], 0, 'free at the end');
});
