// Limits that fail softly, threads started ahead of need, and AbortSignal for goroutines
// that have not started.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Runtime, DEFAULT_MAXG } from '../src/runtime/runtime.js';
import { START_DELAY_MAX_MS, START_DELAY_MIN_MS, threadsToStart } from '../src/runtime/m-pool.js';
import { mark } from './support/pool-bodies.js';

const bodies = new URL('./support/bodies.js', import.meta.url).href;
const pool = new URL('./support/pool-bodies.js', import.meta.url).href;
const T = { timeout: 90_000 };

async function until(what: string, cond: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

test('10,000 goroutines queued at once all run (the default G table holds them)', T, async () => {
  assert.ok(DEFAULT_MAXG >= 10_000);
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 2 });
  try {
    for (let i = 0; i < 10_000; i++) rt.go(bodies, 'bump', [0]);
    assert.ok(rt.counters().gcount > 1000, 'most are still queued when go() returns');
    await rt.wait();
    assert.equal(rt.userWords[0], 10_000);
    assert.equal(rt.counters().gcount, 0);
  } finally {
    await rt.close();
  }
});

test('Runtime.start() with no options runs the commit\'s protocol with one cpu slot', T, async () => {
  const rt = await Runtime.start();
  try {
    assert.equal(rt.protocol, 'atomic');
    assert.equal(rt.counters().mcpumax, 1);
    rt.go(bodies, 'bump', [3]);
    await rt.wait();
    assert.equal(rt.userWords[3], 1);
  } finally {
    await rt.close();
  }
});

test('past maxg, go() throws a RangeError naming the option, and the Runtime goes on', T, async () => {
  const rt = await Runtime.start({ protocol: 'lock', gomaxprocs: 1, maxg: 3 });
  try {
    rt.go(pool, 'holdSlot', [0, 1]);
    rt.go(bodies, 'bump', [2]);
    rt.go(bodies, 'bump', [2]);
    assert.throws(() => rt.go(bodies, 'bump', [2]), (e: unknown) => e instanceof RangeError && /all 3 G slots/.test(e.message) && /maxg/.test(e.message));
    Atomics.store(rt.userWords, 0, 1);
    await rt.wait();
    assert.equal(rt.userWords[2], 2);
    rt.go(bodies, 'bump', [2]);
    await rt.wait();
    assert.equal(rt.userWords[2], 3, 'the rows are free again');
  } finally {
    await rt.close();
  }
});

for (const protocol of ['lock', 'atomic'] as const) {
  test(`${protocol}: an aborted goroutine that has not started never runs; started ones are not touched`, T, async () => {
    const rt = await Runtime.start({ protocol, gomaxprocs: 1 });
    try {
      // The first goroutine holds the only cpu slot, so the others stay on the run queue.
      const first = new AbortController();
      rt.go(pool, 'holdSlot', [0, 1], { signal: first.signal });
      await until('the slot holder to start', () => Atomics.load(rt.userWords, 1) === 1);
      const ctl = [0, 1, 2, 3, 4].map(() => new AbortController());
      const handles = ctl.map((c, i) => rt.go(pool, 'mark', [2, i], { signal: c.signal }));
      assert.equal(rt.counters().gwait, 5);
      ctl[1]!.abort();
      ctl[4]!.abort(new Error('not needed'));
      ctl[1]!.abort(); // twice: no effect
      first.abort(); // started already: runs on
      assert.equal(rt.counters().gwait, 3);
      assert.equal(rt.counters().gcount, 4);
      const done = new AbortController();
      done.abort(new Error('no thanks'));
      assert.throws(() => rt.go(pool, 'mark', [2, 9], { signal: done.signal }), /no thanks/);
      Atomics.store(rt.userWords, 0, 1);
      await rt.wait();
      assert.equal(rt.userWords[2], 0b01101, 'goroutines 1 and 4 were cancelled, the others ran');
      await assert.rejects(handles[1]!.result, (e: unknown) => e instanceof Error && e.name === 'AbortError');
      await assert.rejects(handles[4]!.result, /not needed/);
      await Promise.all([0, 2, 3].map((i) => handles[i]!.result));
      const c = rt.counters();
      assert.deepEqual({ gcount: c.gcount, gwait: c.gwait, gwaiting: c.gwaiting }, { gcount: 0, gwait: 0, gwaiting: 0 });
      // The freed rows are reused.
      rt.go(pool, 'mark', [3, 0]);
      await rt.wait();
      assert.equal(rt.userWords[3], 1);
    } finally {
      await rt.close();
    }
  });
}

test('go(fn, args, { signal }): the function form takes the options too', T, async () => {
  const rt = await Runtime.start({ protocol: 'lock', gomaxprocs: 1 });
  try {
    rt.go(pool, 'holdSlot', [0, 1]);
    await until('the slot holder to start', () => Atomics.load(rt.userWords, 1) === 1);
    const ctl = new AbortController();
    const dropped = rt.go(mark, [2, 0], { signal: ctl.signal });
    const kept = rt.go(mark, [2, 1], { signal: new AbortController().signal });
    ctl.abort();
    assert.throws(() => rt.go(pool, 'mark', [2, 2], [] as never), /options must be an object/);
    Atomics.store(rt.userWords, 0, 1);
    await assert.rejects(dropped.result, (e: unknown) => e instanceof Error && e.name === 'AbortError');
    await kept.result;
    await rt.wait();
    assert.equal(rt.userWords[2], 0b10);
  } finally {
    await rt.close();
  }
});

test('aborting every queued goroutine ends the batch: wait() resolves', T, async () => {
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 1 });
  try {
    rt.go(pool, 'holdSlot', [0, 1]);
    await until('the slot holder to start', () => Atomics.load(rt.userWords, 1) === 1);
    const ctl = new AbortController();
    for (let i = 0; i < 3; i++) rt.go(pool, 'mark', [2, i], { signal: ctl.signal });
    ctl.abort();
    Atomics.store(rt.userWords, 0, 1);
    await rt.wait();
    assert.equal(rt.userWords[2], 0);
  } finally {
    await rt.close();
  }
});

test('minThreads: threads start with the Runtime; goroutines take them without starting more', T, async () => {
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 2, minThreads: 4 });
  try {
    assert.equal(rt.startedThreads, 4);
    assert.equal(rt.threads, 0, 'no M yet: the threads wait for rows');
    // A barrier, not a timed block: under load a 100 ms block could end before the
    // fourth goroutine began, and "four at once" would then be a race (seen: 3 of 4).
    for (let i = 0; i < 4; i++) rt.go(pool, 'barrier', [4, 1, 10_000]);
    await rt.wait();
    assert.equal(rt.userWords[1], 4, 'all four blocked at once');
    assert.equal(rt.threads, 4);
    assert.equal(rt.startedThreads, 4);
  } finally {
    await rt.close();
  }
  await assert.rejects(Runtime.start({ protocol: 'atomic', minThreads: -1 }), /minThreads must be a non-negative integer/);
  // More than the M table holds: as many as it holds, and start() still resolves.
  const small = await Runtime.start({ protocol: 'atomic', minThreads: 5, maxm: 2 });
  assert.equal(small.startedThreads, 2);
  await small.close();
});

test('past maxm, a started goroutine that yields runs again while a goroutine that can get no thread waits at the head of the run queue', T, async () => {
  // One M, one cpu: the first goroutine starts and yields; the second, never started,
  // is at the queue's head and can get no M until the first ends. The yielded one must
  // not queue behind it (its M would sleep with the cpu free: every goroutine stuck).
  for (const protocol of ['lock', 'atomic'] as const) {
    for (const [maxm, n] of [[1, 2], [1, 4], [2, 5]] as const) {
      const rt = await Runtime.start({ protocol, gomaxprocs: 1, maxm });
      try {
        for (let i = 0; i < n; i++) rt.go(pool, 'yieldThenMark', [3, 0, i]);
        const done = rt.wait();
        const bound = new Promise<'stuck'>((r) => setTimeout(() => r('stuck'), 20_000).unref());
        const outcome = await Promise.race([done.then(() => 'done' as const), bound]);
        assert.equal(outcome, 'done', `${protocol}, maxm ${maxm}, ${n} goroutines: stuck with ${JSON.stringify(rt.counters())}`);
        assert.equal(rt.userWords[0], (1 << n) - 1, 'every goroutine ran to its end');
        assert.deepEqual([rt.counters().gcount, rt.counters().gwait, rt.counters().mcpu], [0, 0, 0]);
      } finally {
        await rt.close();
      }
    }
  }
});

test('goroutines that block while others wait get threads: a barrier of 24 in system calls is passed', T, async () => {
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 1 });
  try {
    // Each waits in its system call until all 24 are there: only a thread per blocked
    // goroutine gets them all there.
    for (let i = 0; i < 24; i++) rt.go(pool, 'barrier', [24, 0, 30_000]);
    await rt.wait();
    assert.equal(rt.userWords[0], 24);
    assert.equal(rt.threads, 24);
    assert.ok(rt.startedThreads <= 48, `started ${rt.startedThreads}`);
  } finally {
    await rt.close();
  }
});

test('thread starts: at once while no M may free soon; otherwise one per start\'s time that rows have waited, all waits together', () => {
  assert.equal(threadsToStart(2, 0, false, 0, 30), 2, 'no M yet, or none in a system call: nothing else will serve them soon');
  assert.equal(threadsToStart(2, 0, true, 29, 30), 0, 'an M may free before a thread would start');
  assert.equal(threadsToStart(2, 0, true, 30, 30), 1, 'waits that add up to a start\'s time pay for one thread');
  assert.equal(threadsToStart(2, 0, true, 95, 30), 2, 'for three, but only two rows wait');
  assert.equal(threadsToStart(2, 1, true, 90, 30), 1, 'a thread already coming serves one');
  assert.equal(threadsToStart(1, 3, false, 0, 30), 0, 'enough threads coming (minThreads)');
  assert.ok(START_DELAY_MIN_MS > 0 && START_DELAY_MAX_MS >= START_DELAY_MIN_MS);
});
