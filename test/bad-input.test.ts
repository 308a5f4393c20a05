// Bad input at every entry point a user touches: Runtime.start's options, run()'s,
// Runtime.go and go() arguments, the channel and sync calls, what a goroutine throws or
// returns, a module that throws at import, and `gosched run`'s flags and environment.
// Each must fail with an error naming what and where, and lose nothing: afterwards the
// scheduler's counters are exactly at rest, the Runtime still runs goroutines, and
// close() ends every thread within a bound.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { run } from '../src/runtime/program.js';
import { GoroutinePanic, ProgramExit, Runtime, SchedulerError } from '../src/runtime/runtime.js';
import { NIL, S_PANICS, maxgomaxprocs } from '../src/sched/index.js';
import { Secret } from './support/bad-bodies.js';

const bodies = new URL('./support/bad-bodies.js', import.meta.url).href;
const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(root, 'dist/src/cli.js');
const T = { timeout: 60_000 };

/** Every counter exactly at rest and every M idle (waiting for work, not stuck). */
async function assertAtRest(rt: Runtime): Promise<void> {
  const end = Date.now() + 5000;
  let c = rt.counters();
  while ((c.mwait + c.mfresh !== c.mcount || c.lock !== 0 || c.gcount !== 0) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 5));
    c = rt.counters();
  }
  assert.deepEqual(
    { mcpu: c.mcpu, gwait: c.gwait, gwaiting: c.gwaiting, grunning: c.grunning, gcount: c.gcount, waitstop: c.waitstop, lock: c.lock, idle: c.mwait + c.mfresh === c.mcount },
    { mcpu: 0, gwait: 0, gwaiting: 0, grunning: 0, gcount: 0, waitstop: 0, lock: 0, idle: true },
  );
}

/** The Runtime still runs a goroutine, then closes within 10 s (no thread stuck). */
async function assertStillWorksAndCloses(rt: Runtime): Promise<void> {
  assert.equal(await rt.go(bodies, 'echo', [7]).result, 7);
  await rt.wait();
  await assertAtRest(rt);
  await assertClosesPromptly(rt);
}

/** close() returns within 10 s: no thread is left stuck. */
async function assertClosesPromptly(rt: Runtime): Promise<void> {
  const t0 = Date.now();
  await rt.close();
  assert.ok(Date.now() - t0 < 10_000, `close took ${Date.now() - t0} ms`);
}

test('Runtime.start and run() refuse bad options at the call, naming the option and the value', async () => {
  const cases: [unknown, RegExp][] = [
    [null, /^Runtime\.start: options must be an object like \{ protocol: 'atomic', gomaxprocs: 2 \}, got null$/],
    [4, /^Runtime\.start: options must be an object like \{ protocol: 'atomic', gomaxprocs: 2 \}, got number 4$/],
    [{ protocol: 'fast' }, /^Runtime\.start: protocol must be 'lock' or 'atomic', got the string "fast"$/],
    [{ protocol: 'atomic', gomaxprocs: 0 }, /^Runtime\.start: gomaxprocs must be a positive integer, got number 0$/],
    [{ protocol: 'atomic', gomaxprocs: -1 }, /gomaxprocs must be a positive integer, got number -1$/],
    [{ protocol: 'atomic', gomaxprocs: NaN }, /gomaxprocs must be a positive integer, got number NaN$/],
    [{ protocol: 'atomic', gomaxprocs: '4' }, /gomaxprocs must be a positive integer, got the string "4"$/],
    [{ protocol: 'atomic', gomaxprocs: 1e9 }, new RegExp(`gomaxprocs 1000000000 is above the most the scheduler's word holds \\(${maxgomaxprocs}`)],
    [{ protocol: 'atomic', gomaxproc: 2 }, /^Runtime\.start: unknown option 'gomaxproc' \(the options are protocol, gomaxprocs, maxg, maxm, minThreads, resourceLimits, heapBytes\)$/],
    [{ protocol: 'atomic', maxg: '8' }, /maxg must be an integer from 1 to 1048576, got the string "8"$/],
    [{ protocol: 'atomic', maxm: 0 }, /maxm must be an integer from 1 to 1048576, got number 0$/],
    [{ protocol: 'atomic', minThreads: -1 }, /minThreads must be a non-negative integer, got number -1$/],
    [{ protocol: 'atomic', minThreads: '2' }, /minThreads must be a non-negative integer, got the string "2"$/],
    [{ protocol: 'atomic', heapBytes: 100 }, /heapBytes must be an integer from 65536/],
    [{ protocol: 'atomic', resourceLimits: 64 }, /resourceLimits must be an object like \{ maxOldGenerationSizeMb: 512 \}, got number 64$/],
    [{ protocol: 'atomic', resourceLimits: { maxOldGenerationSizeMb: 'big' } }, /resourceLimits\.maxOldGenerationSizeMb must be a positive number of megabytes, got the string "big"$/],
    [{ protocol: 'atomic', resourceLimits: { heapMb: 5 } }, /unknown resourceLimits key 'heapMb'/],
    // Smaller, a thread can overflow its stack while Node starts it, which ends the process.
    [{ protocol: 'atomic', resourceLimits: { stackSizeMb: 0.1 } }, /^Runtime\.start: resourceLimits\.stackSizeMb must be at least 1 \(a smaller stack can overflow while Node starts the thread, which ends the whole process\), got number 0\.1$/],
  ];
  for (const [opts, re] of cases) {
    await assert.rejects(Runtime.start(opts as never), (e: unknown) => {
      assert.ok(e instanceof TypeError || e instanceof RangeError, String(e));
      assert.match((e as Error).message, re);
      return true;
    }, JSON.stringify(opts));
  }
  await assert.rejects(run(bodies, 'echo', { gomaxproc: 2 } as never), /^TypeError: run: unknown option 'gomaxproc' \(the options are .*, args\)$/);
  await assert.rejects(run(bodies, 'echo', { args: 'x' as never }), /^TypeError: run\(echo\): args must be an array of echo's arguments, got the string "x"$/);
  await assert.rejects(run(bodies, 'echo', { gomaxprocs: 0 }), /run: gomaxprocs must be a positive integer, got number 0/);
  // run() passes every Runtime option through: a V8 limit reaches the threads.
  assert.equal(await run(bodies, 'echo', { args: [3], resourceLimits: { maxOldGenerationSizeMb: 256 }, minThreads: 1 }), 3);
});

test('bad calls from the owner fail at the call, naming the argument, and count nothing', T, async () => {
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 2 });
  try {
    assert.throws(() => rt.go(bodies, 'echo', [Symbol('s')]), /^TypeError: go\(echo\): argument 1 \(symbol\) cannot be passed to a goroutine: Symbol\(s\) could not be cloned\.$/);
    assert.throws(() => rt.go(bodies, 'echo', [() => 1]), /go\(echo\): argument 1 \(function \(anonymous\)\) cannot be passed/);
    assert.throws(() => rt.go(bodies, 'echo', [1, new Secret()]), /^TypeError: go\(echo\): argument 2 is an instance of class Secret, which would arrive as a plain object without its methods, getters or private fields/);
    assert.throws(() => rt.go(bodies, 'echo', [{ deep: [0, new Map([['k', new Secret()]])] }]), /go\(echo\): argument 1\.deep\[1\]\.get\("k"\) is an instance of class Secret/);
    // An Error crosses as name, message, stack and cause only: a subclass would arrive as
    // a plain Error, and own fields (a Node error's code, errno, path) would be dropped, so
    // both are refused as class instances are (before, both went through, silently cut).
    class HttpError extends Error { status = 404; }
    assert.throws(() => rt.go(bodies, 'echo', [new HttpError('nf')]), /^TypeError: go\(echo\): argument 1 is an instance of class HttpError, an Error subclass, which would arrive as a plain Error without its class, methods or own fields; pass plain data/);
    const coded = Object.assign(new Error('no such file'), { code: 'ENOENT', errno: -2 });
    assert.throws(() => rt.go(bodies, 'echo', [{ err: coded }]), /^TypeError: go\(echo\): argument 1\.err is an Error with own fields \(code, errno\) that the copy would drop \(it keeps name, message, stack and cause\); pass plain data such as \{ message: e\.message, code: e\.code \}$/);
    assert.throws(() => rt.go(bodies, 'echo', [new Error('outer', { cause: new HttpError('inner') })]), /argument 1\.cause is an instance of class HttpError/);
    assert.throws(() => rt.go(bodies, 'echo', 'x' as never), /Runtime\.go\(echo\): args must be an array/);
    assert.throws(() => rt.go(bodies, 'echo', [], { sginal: new AbortController().signal } as never), /^TypeError: Runtime\.go\(echo\): unknown option 'sginal' \(the one option is signal\)$/);
    assert.throws(() => rt.go(bodies, 'echo', [], { signal: 'stop' } as never), /^TypeError: Runtime\.go\(echo\): signal must be an AbortSignal, got the string "stop"$/);
    assert.throws(() => rt.gomaxprocs('4' as never), /^RangeError: Runtime\.gomaxprocs: n must be an integer \(0 or less queries\), got the string "4"$/);
    assert.throws(() => rt.gomaxprocs(NaN), /got number NaN/);
    assert.throws(() => rt.gomaxprocs(undefined as never), /got undefined/);
    // Values that do cross: plain data, built-ins, handles' plain shapes.
    const plain = { a: [1, 'x', null], d: new Date(5), m: new Map([[1, { s: new Set([2]) }]]), e: new RangeError('r'), u: new Uint8Array([1, 2]), c: new Error('c', { cause: { why: 1 } }) };
    assert.deepEqual(await rt.go(bodies, 'echo', [plain]).result, plain);
    assert.deepEqual(await rt.go(bodies, 'echo', [Object.assign(Object.create(null) as object, { n: 1 })]).result, { n: 1 });
    // A result is posted before its goroutine's goexit: wait() is when gcount is 0.
    await rt.wait();
    assert.equal(rt.counters().gcount, 0);
    // GOMAXPROCS as Go's: 0 and -1 query, 1e9 clamps to what the word holds (the commit's).
    assert.equal(rt.gomaxprocs(0), 2);
    assert.equal(rt.gomaxprocs(-1), 2);
    assert.equal(rt.gomaxprocs(1e9), 2);
    assert.equal(rt.gomaxprocs(2), maxgomaxprocs);
    await assertStillWorksAndCloses(rt);
  } finally {
    await rt.close();
  }
});

test('goroutines that throw non-Errors, throw in syscall(), or return what cannot be copied: a GoroutinePanic naming what and where; nothing lost', T, async () => {
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 2 });
  const panics = async (name: string, message: string | RegExp, stack: RegExp) => {
    await assert.rejects(rt.go(bodies, name).result, (e: unknown) => {
      assert.ok(e instanceof GoroutinePanic, String(e));
      assert.match(e.func, new RegExp(`^${name} \\(file:.*bad-bodies\\.js\\)$`));
      if (typeof message === 'string') assert.equal(e.message, `goroutine ${e.goid} [${e.func}] panicked: ${message}`);
      else assert.match(e.message, message);
      assert.match(e.goroutineStack, stack);
      return true;
    }, name);
  };
  try {
    const noStack = (what: string) => new RegExp(`^\\w+ \\(file:.*bad-bodies\\.js\\)\\n\\t\\(${what} was thrown, not an Error: no stack trace; throw an Error to get one\\)$`);
    await panics('throwString', 'a plain string', noStack('a string'));
    await panics('throwUndefined', 'undefined', noStack('undefined'));
    await panics('throwObject', '{"code":42,"why":"bad input"}', noStack('an object'));
    await panics('throwInSyscall', 'failed inside syscall', /^Error: failed inside syscall\n\s+at .*bad-bodies\.js/);
    await panics('throwStringInSyscall', 'string from syscall', noStack('a string'));
    await panics('rejectInSyscall', 'rejected inside syscall', /^Error: rejected inside syscall/);
    await panics('returnSecret', /return value cannot be copied to the owning thread: it is an instance of class Secret/, /^TypeError/);
    await panics('returnSymbol', /return value cannot be copied to the owning thread: Symbol\(not cloneable\) could not be cloned/, /^TypeError/);
    await assertAtRest(rt);
    await assertStillWorksAndCloses(rt);
  } finally {
    await rt.close();
  }
});

test('a module that throws at import: refused at Runtime.go, a panic naming the module from go(); nothing lost', T, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gosched-bad-'));
  const url = pathToFileURL(path.join(dir, 'throws.mjs')).href;
  fs.writeFileSync(new URL(url), 'export function f() { return 1; }\nthrow new Error("top-level boom");\n');
  const rt = await Runtime.start({ protocol: 'lock', gomaxprocs: 1 });
  try {
    assert.throws(() => rt.go(url, 'f'), (e: unknown) => e instanceof Error && e.message === `Runtime.go(f): cannot load ${url}: top-level boom`);
    // From a goroutine, go() starts the new goroutine; it panics where it would have run.
    await rt.go(bodies, 'goThrowingModule', [url]).result;
    await assert.rejects(rt.wait(), /^GoroutinePanic: goroutine \d+ \[f \(file:.*throws\.mjs\)\] panicked: cannot load file:.*throws\.mjs: top-level boom$/);
    await assertAtRest(rt);
    await assertStillWorksAndCloses(rt);
  } finally {
    await rt.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('bad calls of the goroutine API fail at the call naming what; a refused value leaves nothing on the heap', T, async () => {
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 2 });
  try {
    const got = await rt.go<string[]>(bodies, 'badCalls').result;
    const want: [string, RegExp][] = [
      ['GOMAXPROCS string', /RangeError: GOMAXPROCS: n must be an integer \(0 or less queries\), got the string "4"$/],
      ['GOMAXPROCS NaN', /RangeError: GOMAXPROCS: .*got number NaN$/],
      ['chan negative', /RangeError: chan: capacity must be an integer from 0 to 16777216, got number -1$/],
      ['chan string', /RangeError: chan: capacity .*got the string "3"$/],
      ['send function', /TypeError: send: the value cannot be copied to another goroutine: \(\) => 1 could not be cloned\.$/],
      ['send symbol', /TypeError: send: the value cannot be copied .*Symbol\(s\) could not be cloned\.$/],
      ['send class instance', /TypeError: send: the value is an instance of class Secret, which would arrive as a plain object/],
      ['send nested class instance', /TypeError: send: the value\.list\[1\]\.inner is an instance of class Secret/],
      ['select not an array', /TypeError: select: cases must be an array .*got number 5$/],
      ['select case not a channel', /TypeError: select: case 0: recv must be a channel \(from chan\(\)\) or null, got number 5$/],
      ['select case both', /TypeError: select: case 0 has both recv and send/],
      ['select default not a function', /TypeError: select: default must be a function, got number 5$/],
      ['select do not a function', /TypeError: select: case 0: do must be a function, got the string "x"$/],
      ['select send class instance', /TypeError: select case 0: the value is an instance of class Secret/],
      ['select misspelt default', /TypeError: select: unknown option 'defualt' \(the one option is default\)$/],
      ['select misspelt do', /TypeError: select: case 0: unknown key 'Do' \(a receive case has recv and do\)$/],
      ['select misspelt value', /TypeError: select: case 0: unknown key 'vaule' \(a send case has send, value and do\)$/],
      ['close not a channel', /TypeError: close: ch must be a channel \(from chan\(\)\) or null, got number 5$/],
      ['sleep string', /TypeError: sleep: ms must be a number, got the string "10"$/],
      ['sleep NaN', /TypeError: sleep: ms must be a number other than NaN, got number NaN$/],
      ['WaitGroup.add string', /TypeError: WaitGroup\.add: delta must be an integer, got the string "1"$/],
      ['WaitGroup.add overflow', /RangeError: WaitGroup\.add: the counter would pass 2147483647/],
      ['Once.do not a function', /TypeError: Once\.do: f must be a function, got number 5$/],
      ['go number', /TypeError: go: the module must be a URL .*got number$/],
      ['go symbol argument', /TypeError: go\(echo\): argument 1 \(symbol\) cannot be passed/],
      ['go class instance argument', /TypeError: go\(echo\): argument 1 is an instance of class Secret/],
      ['go relative path', /'\.\/bad-bodies\.js' is a relative path; pass import\.meta\.url/],
      ['gosched inside syscall', /^gosched inside syscall: Error: gosched: this goroutine is inside syscall\(\); block only outside it$/],
      ['GOMAXPROCS inside syscall', /^GOMAXPROCS inside syscall: Error: GOMAXPROCS: this goroutine is inside syscall\(\); block only outside it$/],
      ['sleep inside syscall', /^sleep inside syscall: Error: sleep: this goroutine is inside syscall\(\); block only outside it$/],
      ['recv inside syscall', /^recv inside syscall: Error: recv: this goroutine is inside syscall\(\); block only outside it$/],
    ];
    assert.equal(got.length, want.length);
    want.forEach(([what, re], i) => {
      assert.ok(got[i]!.startsWith(`${what}: `), got[i]);
      assert.match(got[i]!, re);
    });
    await rt.wait();
    await assertAtRest(rt);
    // The same channel traffic with and without 50 refused sends and selects: the heap
    // holds exactly as much afterwards (a refused value, or a select's other copied
    // values, are freed), and the channel still carries values.
    const before = rt.heap.inUse;
    assert.deepEqual(await rt.go(bodies, 'failedSends', [0]).result, [1, 1]);
    await rt.wait();
    const control = rt.heap.inUse - before;
    assert.deepEqual(await rt.go(bodies, 'failedSends', [50]).result, [1, 1]);
    await rt.wait();
    assert.equal(rt.heap.inUse - before, 2 * control, 'refused values left blocks on the heap');
    await assertAtRest(rt);
    await assertStillWorksAndCloses(rt);
  } finally {
    await rt.close();
  }
});

test('process.exit in a goroutine: Go\'s os.Exit under run(); a Runtime used as a library ends saying who called it', T, async () => {
  await assert.rejects(run(bodies, 'exitWith', { args: [5] }), (e: unknown) => e instanceof ProgramExit && e.status === 5 && e.goid === 1);
  await assert.rejects(run(bodies, 'exitWith', { args: ['x'] }), /^GoroutinePanic: .*panicked: process\.exit: code must be an integer, got the string "x"$/);
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 1 });
  try {
    rt.go(bodies, 'exitWith', [4]);
    await assert.rejects(rt.wait(), (e: unknown) => e instanceof SchedulerError
      && /^goroutine 1 called process\.exit\(4\): a goroutine cannot end its owner's process; return instead/.test(e.message));
    await assertClosesPromptly(rt);
  } finally {
    await rt.close();
  }
});

test('a goroutine module whose top-level await never settles: the fatal error blames the module\'s top-level code, not the goroutine', T, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gosched-bad-'));
  const url = pathToFileURL(path.join(dir, 'never.mjs')).href;
  fs.writeFileSync(new URL(url), 'await new Promise(() => {});\nexport function f() { return 1; }\n');
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 1 });
  try {
    // From a goroutine, go() does not wait for the owner's export check (which gives a
    // module 10 s): the new goroutine's thread imports it, and Node ends that thread.
    // Before, the error said the goroutine awaited a promise outside syscall().
    await rt.go(bodies, 'goThrowingModule', [url]).result;
    await assert.rejects(rt.wait(), (e: unknown) => e instanceof SchedulerError
      && new RegExp(`^m\\d+: thread of m\\d+ exited with code 0: nothing was left on its event loop while it imported ${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} for goroutine 2, so that module's top-level code awaits a promise that can never settle \\(goroutine 2 \\[f `).test(e.message));
    await assertClosesPromptly(rt);
  } finally {
    await rt.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an exception outside the goroutine\'s own calls (a promise nobody awaited) ends the Runtime with a fatal error naming the goroutine', T, async () => {
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 1 });
  try {
    rt.go(bodies, 'lostRejection');
    await assert.rejects(rt.wait(), (e: unknown) => e instanceof SchedulerError
      && e.message === "uncaught exception on the thread of goroutine 1, outside the goroutine's own calls (in a callback, or a promise nobody awaited): nobody awaited this"
      && /^Error: nobody awaited this\n\s+at lostRejection .*bad-bodies\.js/.test(e.stack ?? ''));
    await assertClosesPromptly(rt);
  } finally {
    await rt.close();
  }
});

test('a timer left behind by a goroutine that has ended, throwing while a later goroutine runs on the thread: the fatal error names the goroutine that left it', T, async () => {
  // maxm 1: both goroutines run on the one M. Before, the error named goroutine 2, which
  // had nothing to do with the timer.
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 1, maxm: 1 });
  try {
    assert.equal(await rt.go(bodies, 'leaveThrowingTimer').result, 'returned');
    const h = rt.go(bodies, 'awaitSyscall', [500]);
    await assert.rejects(h.result, (e: unknown) => e instanceof SchedulerError
      && e.message === 'uncaught exception on the thread of goroutine 2, in a timer callback left behind by goroutine 1, which has ended: thrown by a timer left behind'
      && /^Error: thrown by a timer left behind\n\s+at .*bad-bodies\.js/.test(e.stack ?? ''));
    await assertClosesPromptly(rt);
  } finally {
    await rt.close();
  }
});

// `by`: the M that found it ('m0: '), or '' for the owner's call.
const FULL_M_TABLE = (queued: number, maxm: number, by = '') => (e: unknown) => e instanceof SchedulerError
  && e.message === `${by}all goroutines are asleep - deadlock! (${queued} runnable goroutines wait for a thread: all ${maxm} M's hold blocked goroutines; raise maxm)`;

test('every M held by a blocked goroutine and goroutines queued for one: the M that parks last reports the deadlock, sealed or not, and says to raise maxm', T, async () => {
  // Nothing the owner starts could run (it would queue behind the three), so the Runtime
  // does not wait for seal(). Before, an unsealed Runtime held the process for ever,
  // silently; sealed, seal() said only 'all goroutines are asleep - deadlock!'.
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 1, maxm: 1 });
  try {
    const h = rt.go(bodies, 'waitForMore', [3]);
    await assert.rejects(h.result, FULL_M_TABLE(3, 1, 'm0: '));
    await assert.rejects(rt.wait(), FULL_M_TABLE(3, 1, 'm0: '));
    await assertClosesPromptly(rt);
  } finally {
    await rt.close();
  }
});

test('the owner starting a goroutine when every M holds a parked goroutine: go() throws the deadlock, which says to raise maxm', T, async () => {
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 2, maxm: 2 });
  try {
    const parked = [rt.go(bodies, 'parkForever'), rt.go(bodies, 'parkForever')];
    for (const h of parked) h.result.catch(() => {});
    const until = Date.now() + 10_000;
    while (rt.goroutines().filter((g) => g.state === 'chan receive').length < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    // Unsealed, two parked goroutines are no deadlock yet: a third could ready them...
    assert.equal(rt.counters().gcount, 2);
    // ...but it finds no M, and none will ever be free.
    assert.throws(() => rt.go(bodies, 'echo', [1]), FULL_M_TABLE(1, 2));
    await assert.rejects(rt.wait(), FULL_M_TABLE(1, 2));
    await assertClosesPromptly(rt);
  } finally {
    await rt.close();
  }
});

test('a thread that cannot be started (the system refuses it): a SchedulerError saying so, not an exception that ends the process', T, async () => {
  // A stack of 1e9 MB cannot be reserved: new Worker throws EAGAIN. Before, it was thrown
  // from the owner's microtask that starts threads, and ended the process.
  const rt = await Runtime.start({ protocol: 'atomic', resourceLimits: { stackSizeMb: 1e9 } });
  try {
    await assert.rejects(rt.go(bodies, 'echo', [1]).result, (e: unknown) => e instanceof SchedulerError
      && /^cannot start a thread for the Runtime: .*EAGAIN.* \(the system refused a new thread: its limit on threads or on memory, or a stack of resourceLimits\.stackSizeMb it cannot reserve\)$/.test(e.message));
    await assertClosesPromptly(rt);
  } finally {
    await rt.close();
  }
});

test('a panic whose message is still on its way is reported before a fatal error raised after it (go-diff panic_goroutine lost it 1 run in 40)', T, async () => {
  // The race, made deterministic: a goroutine's panic is counted (S_PANICS) and its
  // message posted, then another M's "deadlock" reaches the owner first (another port).
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 1 });
  const deliver = (rt as unknown as { onMessage(m: unknown): void }).onMessage.bind(rt);
  const order: string[] = [];
  rt.onPanic = (p) => order.push(`panic ${p.message}`);
  try {
    Atomics.add(rt.sched.mem, S_PANICS, 1);
    deliver({ type: 'fatal', m: NIL, message: 'all goroutines are asleep - deadlock!', stack: '' });
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(rt.gomaxprocs(0), 1, 'the fatal error waits for the panic (the Runtime is not ended yet)');
    assert.deepEqual(order, []);
    deliver({ type: 'panic', goid: 2, func: 'thrower', message: 'something broke', stack: '' });
    assert.deepEqual(order, ['panic goroutine 2 [thrower] panicked: something broke']);
    assert.throws(() => rt.gomaxprocs(0), /^SchedulerError: all goroutines are asleep - deadlock!$/, 'then the fatal error');
    await assert.rejects(rt.wait(), /deadlock/);
  } finally {
    await rt.close();
  }
});

test('a goroutine panics holding a Mutex and leaves another blocked for ever: wait() reports the panic first, then the deadlock; neither is lost', T, async () => {
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 2 });
  try {
    const h = rt.go(bodies, 'lockAfterPanicker');
    rt.seal();
    // The panic, which caused the deadlock, comes first, as Go reports it; before, the
    // deadlock took wait() and the panic of a goroutine nobody held the handle of was lost.
    await assert.rejects(rt.wait(), (e: unknown) => e instanceof GoroutinePanic
      && /^goroutine \d+ \[lockAndPanic \(file:.*bad-bodies\.js\)\] panicked: died holding the lock$/.test(e.message));
    await assert.rejects(rt.wait(), (e: unknown) => e instanceof SchedulerError && /all goroutines are asleep - deadlock!$/.test(e.message)
      && e.goroutines.some((g) => g.func === 'lockAfterPanicker' && g.state === 'semacquire'));
    await assert.rejects(h.result, /deadlock/);
    await assertClosesPromptly(rt);
  } finally {
    await rt.close();
  }
});

test('a goroutine that runs its thread out of heap: the fatal error names the goroutine and the option that raises the limit', T, async () => {
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 1, resourceLimits: { maxOldGenerationSizeMb: 32 } });
  try {
    const h = rt.go(bodies, 'hogMemory');
    // Before: "m0: Worker terminated due to reaching memory limit: JS heap out of memory",
    // naming neither the goroutine nor what to raise.
    const named = (e: unknown) => e instanceof SchedulerError
      && /^m\d+: Worker terminated due to reaching memory limit: JS heap out of memory \(goroutine 1 \[hogMemory \(file:.*bad-bodies\.js\)\] was running on the thread; raise resourceLimits\.maxOldGenerationSizeMb, 32 now\)$/.test(e.message);
    await assert.rejects(h.result, named);
    await assert.rejects(rt.wait(), named);
    await assertClosesPromptly(rt);
  } finally {
    await rt.close();
  }
});

function gosched(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, GOMAXPROCS: '', ...env }, timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr });
    });
  });
}

test('gosched run: bad flags, environment and files exit 2 with one line naming the mistake; a throw at import is a panic', T, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gosched-run-bad-'));
  const file = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  try {
    const ok = file('ok.mjs', 'export function main() { console.log("ran"); }\n');
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['run', '--procs', '2', ok], {}, /^gosched: run: unknown option '--procs': gosched run takes FILE \[args\.\.\.\] \(what follows FILE goes to main\), and its settings from the environment/],
      [['run', dir], {}, /^gosched: run: .* is a directory; FILE is an ES module with an exported main\n$/],
      [['run', file('nomain.mjs', 'export const x = 1;\n')], {}, /^gosched: run: .*nomain\.mjs has no exported function main \(export function main\(args\) \{ \.\.\. \}\)\n$/],
      [['run', file('mainnum.mjs', 'export const main = 5;\n')], {}, /has no exported function main .*: its main is number 5\n$/],
      [['run', file('syntax.mjs', 'export function main() {\n  let x = ;\n}\n')], {}, /^gosched: run: cannot load .*syntax\.mjs: Unexpected token ';'\n.*syntax\.mjs:2\n  let x = ;\n          \^\n$/],
      [['run', ok], { GOMAXPROCS: '0' }, /^gosched: GOMAXPROCS=0: must be a positive integer\n$/],
      [['run', ok], { GOMAXPROCS: '-1' }, /^gosched: GOMAXPROCS=-1: must be a positive integer\n$/],
      [['run', ok], { GOMAXPROCS: 'NaN' }, /^gosched: GOMAXPROCS=NaN: must be a positive integer\n$/],
      [['run', ok], { GOMAXPROCS: '2.5' }, /^gosched: GOMAXPROCS=2\.5: must be a positive integer\n$/],
      // Number() reads these as 2; Go's atoi does not (Go then ignores the setting).
      [['run', ok], { GOMAXPROCS: ' 2' }, /^gosched: GOMAXPROCS= 2: must be a positive integer\n$/],
      [['run', ok], { GOMAXPROCS: '0x2' }, /^gosched: GOMAXPROCS=0x2: must be a positive integer\n$/],
      [['run', ok], { GOMAXPROCS: '+2' }, /^gosched: GOMAXPROCS=\+2: must be a positive integer\n$/],
      [['run', ok], { GOMAXPROCS: '1e9' }, /^gosched: GOMAXPROCS=1e9: at most 32757/],
      [['run', ok], { GOSCHED_PROTOCOL: 'fast' }, /^gosched: GOSCHED_PROTOCOL=fast: must be lock or atomic\n$/],
      [['run', ok], { GOSCHED_HEAP_MB: '0' }, /^gosched: GOSCHED_HEAP_MB=0: must be an integer from 1 to 2047\n$/],
      [['run', ok], { GOSCHED_HEAP_MB: 'lots' }, /^gosched: GOSCHED_HEAP_MB=lots: must be an integer from 1 to 2047\n$/],
      [['run', ok], { GOSCHED_HEAP_MB: '0x40' }, /^gosched: GOSCHED_HEAP_MB=0x40: must be an integer from 1 to 2047\n$/],
    ];
    const results = await Promise.all(cases.map(([args, env]) => gosched(args, env)));
    results.forEach((r, i) => {
      const [args, env, re] = cases[i]!;
      assert.equal(r.code, 2, `${args.join(' ')} ${JSON.stringify(env)}: ${r.stderr}`);
      assert.match(r.stderr, re);
      assert.equal(r.stdout, '');
    });
    // A throw from the module's top-level code is Go's panic during init.
    const top = await gosched(['run', file('top.mjs', 'export function main() {}\nthrow new Error("init failed");\n')]);
    assert.equal(top.code, 2);
    assert.match(top.stderr, /^panic: init failed\n\ngoroutine 1 \[running\]:\nError: init failed\n\s+at .*top\.mjs:2/);
    const str = await gosched(['run', file('str.mjs', 'export function main() { throw { code: 7 }; }\n')]);
    assert.equal(str.code, 2);
    assert.match(str.stderr, /^panic: \{"code":7\}\n\ngoroutine 1 \[running\]:\nmain \(file:.*str\.mjs\)\n\t\(an object was thrown, not an Error/);
    assert.equal((await gosched(['run', ok])).stdout, 'ran\n');
    // A Go main returns nothing: whatever a JavaScript main returns is not copied back,
    // so a value that cannot be copied (here a class instance, then a function) is no error.
    for (const ret of ['new (class Point { #x = 1; })()', '() => 1']) {
      const r = await gosched(['run', file('ret.mjs', `export function main() { console.log('returning'); return ${ret}; }\n`)]);
      assert.deepEqual([r.code, r.stdout, r.stderr], [0, 'returning\n', ''], ret);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('calls on a closed Runtime fail at the call, naming the call and that close() ended it', T, async () => {
  const rt = await Runtime.start({ gomaxprocs: 1 });
  await rt.close();
  for (const [what, call] of [['go', () => rt.go(bodies, 'echo', [1])], ['seal', () => rt.seal()], ['gomaxprocs', () => rt.gomaxprocs(2)]] as const) {
    assert.throws(call, new RegExp(`^Error: Runtime\\.${what}: the Runtime is closed \\(close\\(\\) was called\\)$`), what);
  }
  await rt.close(); // a second close() is harmless
});
