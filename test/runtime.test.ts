// Goroutines on real worker threads: the Runtime's contract, bad input, and Go issue 2337.
import test from 'node:test';
import assert from 'node:assert/strict';
import { GoroutinePanic, Runtime, SchedulerError } from '../src/runtime/runtime.js';
import { run } from '../src/runtime/program.js';
import { PROTOCOLS, maxgomaxprocs } from '../src/sched/index.js';

const bodies = new URL('./support/bodies.js', import.meta.url).href;
const T = { timeout: 60_000 };

/** Every counter back at rest: what a run must leave behind, whatever happened in it. */
async function assertAtRest(rt: Runtime): Promise<void> {
  const end = Date.now() + 5000;
  let c = rt.counters();
  while ((c.mwait + c.mfresh !== c.mcount || c.lock !== 0) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 5));
    c = rt.counters();
  }
  assert.deepEqual(
    { mcpu: c.mcpu, gwait: c.gwait, gwaiting: c.gwaiting, grunning: c.grunning, gcount: c.gcount, waitstop: c.waitstop, lock: c.lock, idle: c.mwait + c.mfresh === c.mcount },
    { mcpu: 0, gwait: 0, gwaiting: 0, grunning: 0, gcount: 0, waitstop: 0, lock: 0, idle: true },
  );
}

for (const protocol of PROTOCOLS) {
  test(`${protocol}: goroutines on worker threads do every syscall pair`, T, async () => {
    const rt = await Runtime.start({ protocol, gomaxprocs: 2 });
    try {
      for (let i = 0; i < 4; i++) rt.go(bodies, 'pairs', [20, 1000, 0]);
      await rt.wait();
      assert.equal(rt.userWords[0], 4 * 20 * 1000);
      assert.ok(rt.threads >= 1 && rt.threads <= 4, `threads: ${rt.threads}`);
      await assertAtRest(rt);
      // M's never go away: a second round reuses them.
      const before = rt.threads;
      for (let i = 0; i < 2; i++) rt.go(bodies, 'pairs', [5, 100, 1]);
      await rt.wait();
      assert.equal(rt.userWords[1], 2 * 5 * 100);
      assert.equal(rt.threads, before);
    } finally {
      await rt.close();
    }
  });

  test(`${protocol}: goroutines can start goroutines`, T, async () => {
    const rt = await Runtime.start({ protocol, gomaxprocs: 2 });
    try {
      rt.go(bodies, 'spawner', [30, 2]);
      await rt.wait();
      assert.equal(rt.userWords[2], 30);
      await assertAtRest(rt);
    } finally {
      await rt.close();
    }
  });

  test(`${protocol}: a goroutine that throws is reported by name and loses nothing`, T, async () => {
    const rt = await Runtime.start({ protocol, gomaxprocs: 2 });
    try {
      rt.go(bodies, 'pairs', [10, 100, 0]);
      rt.go(bodies, 'boom', ['kaboom']);
      await assert.rejects(rt.wait(), (e: unknown) => e instanceof GoroutinePanic && /boom/.test(e.func) && /kaboom/.test(e.message));
      assert.equal(rt.userWords[0], 1000, 'the other goroutine ran to the end');
      await assertAtRest(rt);
      // Thrown between entersyscall and exitsyscall: mcpu must still balance.
      rt.go(bodies, 'boomInSyscall', ['inside']);
      await assert.rejects(rt.wait(), /inside/);
      await assertAtRest(rt);
      rt.go(bodies, 'returnsInSyscall', []);
      await assert.rejects(rt.wait(), /returned inside a system call/);
      await assertAtRest(rt);
      // The owner's call is refused at once; from inside a goroutine, the new goroutine
      // reports it where it would have run.
      assert.throws(() => rt.go(bodies, 'noSuchExport', []), /Runtime\.go\(noSuchExport\): .*bodies\.js has no exported function 'noSuchExport'/);
      rt.go(bodies, 'spawnMissing', []);
      await assert.rejects(rt.wait(), /has no exported function 'noSuchExport'/);
      await assertAtRest(rt);
      // And the runtime still works.
      rt.go(bodies, 'pairs', [1, 10, 3]);
      await rt.wait();
      assert.equal(rt.userWords[3], 10);
    } finally {
      await rt.close();
    }
  });

  test(`${protocol}: several goroutines panic at once: each wait() rejects with the next, until every one is reported`, T, async () => {
    const rt = await Runtime.start({ protocol, gomaxprocs: 2 });
    try {
      rt.go(bodies, 'spawnBooms', [6]);
      const seen: string[] = [];
      for (let tries = 0; tries < 10; tries++) {
        try {
          await rt.wait();
          break;
        } catch (e) {
          assert.ok(e instanceof GoroutinePanic, String(e));
          seen.push(/panicked: (boom \d)$/.exec(e.message)?.[1] ?? e.message);
        }
      }
      // Before, wait() rejected with one and the other five were dropped.
      assert.deepEqual(seen.sort(), ['boom 0', 'boom 1', 'boom 2', 'boom 3', 'boom 4', 'boom 5']);
      await assertAtRest(rt);
    } finally {
      await rt.close();
    }
  });

  test(`${protocol}: issue 2337: GOMAXPROCS(2), stop/start the world, GOMAXPROCS(1) is no deadlock`, T, async () => {
    const rt = await Runtime.start({ protocol, gomaxprocs: 1 });
    try {
      rt.go(bodies, 'issue2337', [0]);
      await rt.wait();
      assert.equal(rt.userWords[0], 1);
      rt.go(bodies, 'issue2337WithPeer', [8]);
      await rt.wait();
      assert.equal(rt.userWords[8], 1, 'the caller finished');
      assert.equal(rt.userWords[9], 1, 'the peer finished');
      assert.equal(rt.userWords[12], 200 * 1000, 'the peer did all its pairs');
      assert.equal(rt.counters().gomaxprocs, 1);
      assert.equal(rt.counters().mcpumax, 1);
      await assertAtRest(rt);
      // The caller of GOMAXPROCS(1) must give up its cpu while a peer holds the other.
      rt.go(bodies, 'issue2337Strict', [16, 300]);
      await rt.wait();
      assert.equal(rt.userWords[16], 1, 'the caller finished');
      assert.equal(rt.userWords[18], 1, 'the peer left its spin');
      assert.equal(rt.userWords[19], 0, 'GOMAXPROCS(1) returned while the peer still held the other cpu: the caller kept its own');
      await assertAtRest(rt);
    } finally {
      await rt.close();
    }
  });
}

test('go() rejects arguments that cannot be cloned, relative paths and non-array args, naming the mistake, and counts nothing', async () => {
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 1 });
  try {
    assert.throws(() => rt.go(bodies, 'pairs', [1, () => 1]), /go\(pairs\): argument 2 \(function \(anonymous\)\) cannot be passed/);
    assert.throws(() => rt.go('./support/bodies.js', 'pairs', []), /'\.\/support\/bodies\.js' is a relative path; pass import\.meta\.url/);
    assert.throws(() => rt.go(bodies, 'pairs', 5 as never), /Runtime\.go\(pairs\): args must be an array/);
    assert.throws(() => rt.go(bodies, '', []), /name must be the name of an exported function/);
    assert.throws(() => rt.go(new URL('./support/nope.js', import.meta.url).href, 'f', []), /Runtime\.go: cannot load file:.*nope\.js: no such file/);
    assert.throws(() => rt.go(new URL('./support/nope.js', import.meta.url), 'f', []), /Runtime\.go: cannot load file:.*nope\.js: no such file/, 'a URL object is checked as its href is');
    assert.throws(() => rt.go(null as never, 'f', []), /Runtime\.go: the module must be a URL .*got null$/);
    const c = rt.counters();
    assert.deepEqual([c.gcount, c.gwait, c.mcount], [0, 0, 0]);
  } finally {
    await rt.close();
  }
});

test('a module named by a URL object, as new Worker takes it: Runtime.go, run, and go() inside a goroutine', T, async () => {
  const url = new URL('./support/chan-bodies.js', import.meta.url);
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 1 });
  try {
    assert.equal(await rt.go(url, 'goHelper').result, 'helper got hi');
    assert.equal(await rt.go(url, 'goByUrlObject', [new URL('./support/helper-module.js', import.meta.url).href]).result, 'helper got hi');
  } finally {
    await rt.close();
  }
  assert.equal(await run(url, 'goHelper'), 'helper got hi');
});

test('GOMAXPROCS from outside: 0 queries, 1e9 clamps (Go\'s GOMAXPROCS; the start option refuses it), fractions and NaN are rejected', async () => {
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 3 });
  try {
    assert.equal(rt.gomaxprocs(0), 3);
    assert.equal(rt.gomaxprocs(-1), 3);
    assert.equal(rt.gomaxprocs(1e9), 3);
    assert.equal(rt.counters().mcpumax, maxgomaxprocs);
    assert.throws(() => rt.gomaxprocs(2.5), RangeError);
    assert.throws(() => rt.gomaxprocs(NaN), RangeError);
    assert.equal(rt.counters().mcpumax, maxgomaxprocs);
    assert.equal(rt.counters().lock, 0);
    await assert.rejects(Runtime.start({ protocol: 'atomic', gomaxprocs: 0 }), RangeError);
    // As an option, a value the word cannot hold is refused rather than clamped.
    await assert.rejects(Runtime.start({ protocol: 'atomic', gomaxprocs: 1e9 }), (e: unknown) =>
      e instanceof RangeError && e.message.includes(`gomaxprocs 1000000000 is above the most the scheduler's word holds (${maxgomaxprocs}`));
    await Runtime.start({ protocol: 'atomic', gomaxprocs: maxgomaxprocs }).then((r) => r.close());
    await assert.rejects(Runtime.start({ protocol: 'nope' as 'atomic' }), /protocol must be 'lock' or 'atomic'/);
  } finally {
    await rt.close();
  }
});

test('more goroutines blocked at once than thread slots: the rest wait for an M, nothing fails', T, async () => {
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 1, maxm: 2 });
  try {
    // Each sleeps in a syscall, so each wants a thread of its own; only two exist, so the
    // others wait on the run queue until an M's goroutine ends.
    for (let i = 0; i < 6; i++) rt.go(bodies, 'sleeper', [50]);
    rt.go(bodies, 'bump', [0]);
    await rt.wait();
    assert.equal(rt.userWords[0], 1);
    assert.equal(rt.threads, 2);
    assert.ok(rt.startedThreads <= 2, `started ${rt.startedThreads} threads for maxm 2`);
    await assertAtRest(rt);
  } finally {
    await rt.close();
  }
});
