// The goroutine API on real worker threads, under both protocols: channels, select,
// WaitGroup, Mutex, Once, sleep, syscall with a promise, go(fn), run(main), and Go's
// rules (closed channels, negative WaitGroup counter, unlock of an unlocked mutex,
// deadlock). Each test has a time bound that fails it instead of hanging.
import test from 'node:test';
import assert from 'node:assert/strict';
import { run } from '../src/runtime/program.js';
import { GoroutinePanic, Runtime, SchedulerError } from '../src/runtime/runtime.js';
import { PROTOCOLS } from '../src/sched/index.js';
import { Chan } from '../src/runtime/chan.js';

const bodies = new URL('./support/chan-bodies.js', import.meta.url).href;
const T = { timeout: 60_000 };

for (const protocol of PROTOCOLS) {
  const opts = (gomaxprocs = 2, args: unknown[] = []) => ({ protocol, gomaxprocs, args });

  test(`${protocol}: channels: rendezvous, buffer, copies at send, close and drain, range`, T, async () => {
    const r = (await run(bodies, 'basics', opts(1))) as Record<string, unknown>;
    assert.deepEqual(r.copied, { n: 1 });
    assert.deepEqual(r.lenCap, [3, 3]);
    assert.deepEqual(r.drained, [[1, true], [undefined, true], [3, true], [undefined, false], undefined]);
    assert.deepEqual(r.iterated, ['v0', 'v1', 'v2', 'v3', 'v4']);
    assert.deepEqual(r.goroutines, [1, 2], 'NumGoroutine: main alone, then main and a parked receiver');
  });

  test(`${protocol}: a 16 MiB value, and a channel sent on a channel`, T, async () => {
    const mb = 16;
    const r = (await run(bodies, 'bigAndNested', opts(2, [mb]))) as Record<string, number>;
    let sum = 0;
    for (let i = 0; i < mb * 1024 * 1024; i += 4099) sum += i % 251;
    assert.deepEqual(r, { length: mb * 1024 * 1024, sum, first: 0, last: (mb * 1024 * 1024 - 1) % 251 });
  });

  test(`${protocol}: closed channels panic as in Go`, T, async () => {
    assert.deepEqual(await run(bodies, 'closedRules', opts()), [
      'send on closed channel', 'close of closed channel', 'close of nil channel', 'blocked sender: send on closed channel',
      'blocked receiver: [null,false]', 'blocked receiver: [null,false]',
    ]);
    await assert.rejects(run(bodies, 'sendOnClosedUncaught', opts()), (e: unknown) =>
      e instanceof GoroutinePanic && /send on closed channel/.test(e.message) && e.goid === 1);
  });

  test(`${protocol}: select: uniform among ready cases, default, blocking, send cases`, T, async () => {
    const rounds = 400;
    const r = (await run(bodies, 'selects', opts(2, [rounds]))) as { counts: number[]; dflt: string; woke: unknown; sent: string };
    assert.equal(r.counts[0]! + r.counts[1]!, rounds);
    // Binomial(400, 1/2): each side within 200 +- 80 fails with probability < 1e-14.
    assert.ok(r.counts.every((c) => c > 120), `both cases chosen about equally: ${r.counts}`);
    assert.equal(r.dflt, 'default');
    assert.deepEqual(r.woke, [42, true]);
    assert.equal(r.sent, 'sent');
  });

  test(`${protocol}: Mutex and WaitGroup keep a shared counter exact; tryLock`, T, async () => {
    assert.equal(await run(bodies, 'mutexCounter', opts(2, [4, 300])), 4 * 300);
    assert.deepEqual(await run(bodies, 'tryLocks', opts()), [true, false, true]);
  });

  test(`${protocol}: a channel and a SharedArrayBuffer as a Map's keys cross as themselves`, T, async () => {
    assert.deepEqual(await run(bodies, 'handlesAsMapKeys', opts()), [7, '0', true, true]);
  });

  test(`${protocol}: negative WaitGroup counter panics; unlock of unlocked mutex is fatal`, T, async () => {
    await assert.rejects(run(bodies, 'negativeWaitGroup', opts()), (e: unknown) =>
      e instanceof GoroutinePanic && /sync: negative WaitGroup counter/.test(e.message));
    await assert.rejects(run(bodies, 'unlockUnlocked', opts()), (e: unknown) =>
      e instanceof SchedulerError && e.message === 'sync: unlock of unlocked mutex');
  });

  test(`${protocol}: Once runs its function once for all goroutines`, T, async () => {
    assert.equal(await run(bodies, 'onces', opts(2, [4])), 1);
    assert.deepEqual(await run(bodies, 'onceThrows', opts(1)), ['first call fails', false]);
  });

  test(`${protocol}: all goroutines blocked is a deadlock, with each one's wait reason`, T, async () => {
    await assert.rejects(run(bodies, 'allBlock', opts()), (e: unknown) => {
      assert.ok(e instanceof SchedulerError, String(e));
      assert.match(e.message, /all goroutines are asleep - deadlock!/);
      assert.deepEqual(
        e.goroutines.map((g) => [g.id, g.state, g.func]),
        [[1, 'chan receive', 'allBlock'], [2, 'chan receive', 'recvOne'], [3, 'semacquire', 'waitOn'], [4, 'semacquire', 'lockTwice'], [5, 'chan send', 'sendTo']],
      );
      return true;
    });
    await assert.rejects(run(bodies, 'selectForever', opts(1)), (e: unknown) =>
      e instanceof SchedulerError && e.goroutines.length === 1 && e.goroutines[0]!.state === 'select');
  });

  test(`${protocol}: a parked goroutine leaves grunning and its cpu slot; ready hands it back`, T, async () => {
    const rt = await Runtime.start({ protocol, gomaxprocs: 1 });
    try {
      const proceed = new Int32Array(new SharedArrayBuffer(4));
      const h = rt.go<number>(bodies, 'parkedChild', [proceed]);
      let seen = '';
      const end = Date.now() + 10_000;
      while (Date.now() < end) {
        const gs = rt.goroutines();
        const c = rt.counters();
        seen = JSON.stringify({ gs: gs.map((g) => g.state), mcpu: c.mcpu, grunning: c.grunning });
        if (seen === JSON.stringify({ gs: ['sleep', 'chan receive'], mcpu: 0, grunning: 1 })) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      // The parent sleeps (in a system call: no cpu slot, counted running); the child is
      // parked (status and reason, not counted, no cpu slot).
      assert.equal(seen, JSON.stringify({ gs: ['sleep', 'chan receive'], mcpu: 0, grunning: 1 }));
      Atomics.store(proceed, 0, 1);
      assert.equal(await h.result, 42);
      await rt.wait();
    } finally {
      await rt.close();
    }
  });

  test(`${protocol}: while the owner may start goroutines, all blocked is no deadlock; after seal() it is`, T, async () => {
    const rt = await Runtime.start({ protocol, gomaxprocs: 1 });
    try {
      // A goroutine is left blocked on a channel, alone; the owner, holding the channel,
      // starts the goroutine that unblocks it 300 ms later.
      const ch = await rt.go(bodies, 'leaveBlocked').result;
      const until = Date.now() + 10_000;
      while (rt.goroutines()[0]?.state !== 'chan receive' && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(rt.goroutines().map((g) => g.state), ['chan receive']);
      rt.go(bodies, 'sendTo', [ch, 5]);
      await rt.wait();
      await rt.go(bodies, 'leaveBlocked').result;
      while (rt.goroutines()[0]?.state !== 'chan receive' && Date.now() < until + 10_000) await new Promise((r) => setTimeout(r, 10));
      // The SchedulerError that wait() rejects with, goroutines and all: before, seal()
      // threw the scheduler's internal SchedFatal, whose stack pointed into src/sched.
      assert.throws(() => rt.seal(), (e: unknown) => e instanceof SchedulerError && /all goroutines are asleep - deadlock!$/.test(e.message)
        && e.goroutines[0]?.state === 'chan receive');
      // seal() promised no more goroutines from the owner: go() after it is refused at the
      // call (before, it was accepted, and could start a goroutine after its deadlock was
      // reported); here the fatal error came first, and go() throws that.
      assert.throws(() => rt.go(bodies, 'sendTo', [ch, 6]), /deadlock/);
      await assert.rejects(rt.wait(), (e: unknown) => e instanceof SchedulerError && e.goroutines[0]?.state === 'chan receive');
    } finally {
      await rt.close();
    }
  });

  test(`${protocol}: a channel a goroutine returns is a Chan on the owner: used there it says it needs a goroutine; passed on, it works`, T, async () => {
    const rt = await Runtime.start({ protocol, gomaxprocs: 1 });
    try {
      const ch = await rt.go(bodies, 'leaveBlocked').result;
      // Before, a plain object: ch.send was "not a function", and capacity undefined.
      assert.ok(ch instanceof Chan, `got ${Object.prototype.toString.call(ch)} with keys ${Object.keys(ch as object).join(',')}`);
      assert.throws(() => ch.send(1), /^Error: send called outside a goroutine \(only code started with go\(\) may call it/);
      assert.throws(() => ch.length, /^Error: length called outside a goroutine/);
      rt.go(bodies, 'sendTo', [ch, 5]);
      await rt.wait();
    } finally {
      await rt.close();
    }
  });

  test(`${protocol}: go() after seal() is refused at the call, naming seal()`, T, async () => {
    const rt = await Runtime.start({ protocol, gomaxprocs: 1 });
    try {
      const h = rt.go(bodies, 'sleepFor', [50]);
      rt.seal();
      assert.throws(() => rt.go(bodies, 'sleepFor', [1]), /^Error: Runtime\.go: the Runtime is sealed: seal\(\) said the owner starts no more goroutines/);
      rt.seal(); // again: nothing more to say
      await h.result;
      await rt.wait();
    } finally {
      await rt.close();
    }
  });

  test(`${protocol}: an async goroutine in syscall(promise) gives up its cpu slot; results come back`, T, async () => {
    assert.deepEqual(await run(bodies, 'asyncSyscall', opts(1, [100])), ['io done', 'other ran', 1]);
  });

  test(`${protocol}: fan-out and fan-in through selects: every value exactly once`, T, async () => {
    const producers = 3;
    const per = 300;
    const n = producers * per;
    const r = (await run(bodies, 'fanInOut', opts(2, [producers, 3, per]))) as { count: number; sum: number; dup: number };
    assert.deepEqual(r, { count: n, sum: (n * (n - 1)) / 2, dup: 0 });
  });

  test(`${protocol}: gosched yields the only cpu slot to a queued goroutine`, T, async () => {
    assert.equal(await run(bodies, 'yieldsToQueued', opts(1)), true);
  });

  test(`${protocol}: ping-pong over unbuffered channels at GOMAXPROCS 1 and 2`, T, async () => {
    assert.equal(await run(bodies, 'pingpong', opts(1, [2000])), 2000);
    assert.equal(await run(bodies, 'pingpong', opts(2, [2000])), 2000);
  });
}

test('go: arguments of any size, shared buffers shared; bad calls fail at the call', T, async () => {
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 1 });
  try {
    const sab = new SharedArrayBuffer(8);
    const view = new Int32Array(sab);
    const h = rt.go<number>(bodies, 'bigArgs', ['x'.repeat(200_000), sab, view]);
    assert.equal(await h.result, 200_000);
    assert.deepEqual([...view], [5, 11], 'the goroutine wrote into the same memory');
    await assert.rejects(rt.go(bodies, 'goUnknown').result, /go\(\(anonymous\)\): cannot tell which module exports this function; export it and call go\(import\.meta\.url, 'name', \.\.\.\)/);
    await assert.rejects(rt.go(bodies, 'goNotExported').result, /go\(notExported\): file:.*chan-bodies\.js has no export 'notExported' that is this function/);
    assert.equal(await rt.go(bodies, 'goHelper').result, 'helper got hi', 'found through V8: a module no goroutine ran from');
    // Exported under another name: go(fn) finds that name in fn's module (before k19a
    // the new goroutine looked for 'renamed' and panicked). Where the module's exports
    // cannot be read at the call (top-level await), its panic says which names there are
    // and why go(fn) missed.
    assert.equal(await rt.go(bodies, 'goAliased').result, 'renamed');
    assert.equal(await rt.go(bodies, 'goAliasedTla').result, 'started');
    await assert.rejects(rt.wait(), /has no exported function 'renamedTla'; its exported functions: tlaAliased \(go\(fn\) names fn by its own name, renamedTla, where it cannot read fn's module's exports at the call, as with top-level await there: name it with go\(url, 'name', \.\.\.\)\)$/);
    await assert.rejects(rt.go(bodies, 'goRelative').result, /'\.\/nope\.js' is a relative path; pass import\.meta\.url/);
    await assert.rejects(rt.go(bodies, 'returnsFunction').result, /return value cannot be copied to the owning thread/);
    assert.throws(() => rt.go(bodies, 'noSuch'), /Runtime\.go\(noSuch\): file:.*chan-bodies\.js has no exported function 'noSuch'; its exported functions: allBlock, /);
    assert.throws(() => rt.go(bodies, 'notAFunction'), /has no exported function 'notAFunction' \(its export 'notAFunction' is a number\)/);
    assert.throws(() => rt.go('data:text/javascript,export function (', 'f'), /Runtime\.go\(f\): cannot load data:text\/javascript,export function \(: Function statements require a function name/);
    assert.equal(await rt.go('data:text/javascript,export function f() { return 7; }', 'f').result, 7, 'a module that loads is checked once and runs');
    // The owner passes the function itself.
    const mod = (await import('./support/chan-bodies.js')) as { goHelper(): string };
    assert.equal(await rt.go(mod.goHelper).result, 'helper got hi');
    assert.throws(() => rt.go(() => 1), /Runtime\.go\(\(anonymous\)\): cannot tell which module exports this function/);
    await rt.wait().catch(() => undefined);
  } finally {
    await rt.close();
  }
  // Handles belong to their Runtime: one from another is refused, not misread.
  const [ch, wg] = (await run(bodies, 'makeHandles')) as [unknown, unknown];
  assert.deepEqual(await run(bodies, 'useForeign', { args: [ch, wg] }), [
    'send: this object belongs to another Runtime (handles cannot move between Runtimes)',
    'WaitGroup.add: this object belongs to another Runtime (handles cannot move between Runtimes)',
    'select case 0: this object belongs to another Runtime (handles cannot move between Runtimes)',
  ]);
  await assert.rejects(run(new URL('./support/missing.js', import.meta.url).href), /run: cannot load .*missing\.js/);
  await assert.rejects(run(bodies, 'nope'), /has no exported function 'nope'/);
  await assert.rejects(run('relative.js'), /relative path/);
  const caller = (await import('./support/run-caller.js')) as { start(p: number): Promise<unknown>; startAnonymous(): Promise<unknown> };
  assert.deepEqual(await caller.start(2), ['x0x0', 'x1x1', 'x2x2'], 'run(main) with main imported from another module');
  await assert.rejects(caller.startAnonymous(), /run\(\(anonymous\)\): cannot tell which module exports this function/);
});
