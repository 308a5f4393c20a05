// The standing requirement on bad input, swept over every public entry point rather than
// shown by examples (those are in bad-input.test.ts): each bad value of each kind, at each
// call a user makes, fails with the documented error class and a message naming the call,
// the argument and what was wrong; and afterwards the scheduler is whole: its counters
// exactly at rest, the same Runtime still runs a goroutine, close() ends within a bound,
// and no thread of it is left (counted in /proc/self/task against the count before).
// Values swept: for numbers 0, -1, 1.5, NaN, Infinity, 1e9, '2', null, true; for values
// that cross threads a function, a symbol, a class instance, a WeakMap, a getter that
// throws (at the top and nested); for what a goroutine throws, every kind of value
// including Proxies and Errors whose message or stack cannot be read.
import test, { before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { run } from '../src/runtime/program.js';
import { GoroutinePanic, Runtime, SchedulerError } from '../src/runtime/runtime.js';
import { maxgomaxprocs } from '../src/sched/index.js';
import { unclonables } from './support/sweep-bodies.js';

const bodies = new URL('./support/sweep-bodies.js', import.meta.url).href;
const index = new URL('../src/index.js', import.meta.url).href;
const T = { timeout: 60_000 };
const CLOSE_BOUND_MS = 10_000;

/** Threads of this process now, or null where /proc is not there (not Linux). */
function threadCount(): number | null {
  try {
    return fs.readdirSync('/proc/self/task').length;
  } catch {
    return null;
  }
}

// Node starts one thread of its own the first time a worker ends; measured after one
// Runtime has come and gone, the count is what every closed Runtime must come back to.
let baseline: number | null = null;
before(async () => {
  const rt = await Runtime.start({ gomaxprocs: 2 });
  await rt.go(bodies, 'echo', [1]).result;
  await rt.close();
  await new Promise((r) => setTimeout(r, 200));
  baseline = threadCount();
});

async function assertNoThreadLeft(): Promise<void> {
  if (baseline === null) return; // no /proc: the child-process test below still checks exit
  const end = Date.now() + 5000;
  let n = threadCount()!;
  while (n > baseline && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 20));
    n = threadCount()!;
  }
  assert.ok(n <= baseline, `${n - baseline} thread(s) left after close()`);
}

/** Counters exactly at rest: no cpu slot held, nothing queued or waiting, every M idle,
 * GOMAXPROCS as it was set. Polls briefly, as an M posts a goroutine's end before goexit,
 * and an M counts itself idle (mput) before it releases schedlock: a lock still held after
 * the bound is a leak, one held for a moment after wait() is not. */
async function assertAtRest(rt: Runtime, procs: number, what: string): Promise<void> {
  const end = Date.now() + 5000;
  let c = rt.counters();
  while ((c.mwait + c.mfresh !== c.mcount || c.gcount !== 0 || c.mcpu !== 0 || c.lock !== 0) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 5));
    c = rt.counters();
  }
  assert.deepEqual(
    { mcpu: c.mcpu, mcpumax: c.mcpumax, gomaxprocs: c.gomaxprocs, gwait: c.gwait, gwaiting: c.gwaiting, grunning: c.grunning, gcount: c.gcount, waitstop: c.waitstop, lock: c.lock, gcwaiting: c.gcwaiting, idle: c.mwait + c.mfresh === c.mcount },
    { mcpu: 0, mcpumax: procs, gomaxprocs: procs, gwait: 0, gwaiting: 0, grunning: 0, gcount: 0, waitstop: 0, lock: 0, gcwaiting: 0, idle: true },
    what,
  );
}

/** The Runtime is whole: at rest, still runs a goroutine to its end, closes within the
 * bound, and leaves no thread. */
async function assertWhole(rt: Runtime, procs: number, what: string): Promise<void> {
  await assertAtRest(rt, procs, what);
  assert.equal(await rt.go(bodies, 'echo', [42]).result, 42, `${what}: a normal goroutine afterwards`);
  await rt.wait();
  await assertAtRest(rt, procs, `${what}, after a normal goroutine`);
  const t0 = Date.now();
  await rt.close();
  assert.ok(Date.now() - t0 < CLOSE_BOUND_MS, `${what}: close took ${Date.now() - t0} ms`);
  await assertNoThreadLeft();
}

/** How a value is named in a message (show-value.ts's wording). */
function shown(v: unknown): string {
  if (typeof v === 'string') return `the string ${JSON.stringify(v)}`;
  if (v === null || v === undefined) return String(v);
  return `${typeof v} ${String(v)}`;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const BAD_NUMBERS: unknown[] = [0, -1, 1.5, NaN, Infinity, 1e9, '2', null, true];

test('Runtime.start and run(): every numeric option with every bad number is refused at the call, naming the option and the value; no thread starts', T, async () => {
  const limits: Record<string, (v: number) => boolean> = {
    gomaxprocs: (v) => v >= 1 && v <= maxgomaxprocs,
    maxg: (v) => v >= 1 && v <= 1 << 20,
    maxm: (v) => v >= 1 && v <= 1 << 20,
    minThreads: (v) => v >= 0 && v <= 1 << 20,
    heapBytes: (v) => v >= 1 << 16 && v <= 2 ** 31 - 8,
  };
  let swept = 0;
  for (const [k, ok] of Object.entries(limits)) {
    for (const v of [...BAD_NUMBERS, 1e12]) {
      if (typeof v === 'number' && Number.isInteger(v) && ok(v)) continue; // a good value
      swept++;
      for (const [where, start] of [
        ['Runtime.start', () => Runtime.start({ [k]: v })],
        ['run', () => run(bodies, 'echo', { [k]: v })],
      ] as const) {
        await assert.rejects(start(), (e: unknown) => {
          assert.ok(e instanceof RangeError || e instanceof TypeError, `${where} ${k}=${String(v)}: ${String(e)}`);
          assert.match(e.message, new RegExp(`^${where}: ${k}( ${escape(String(v))} is above| must be).*`), `${where} ${k}=${String(v)}`);
          assert.ok(e.message.includes(String(v)), `${where} ${k}=${String(v)}: the message does not show the value: ${e.message}`);
          return true;
        });
      }
    }
  }
  assert.ok(swept >= 40, `only ${swept} cases`);
  await assertNoThreadLeft();
});

test('run(): a bad module, name, options or argument is refused at the call naming it', T, async () => {
  const cases: [() => Promise<unknown>, RegExp][] = [
    [() => run(5 as never), /^TypeError: run: the module must be a URL \(import/],
    [() => run('./x.js', 'main'), /^TypeError: run: '\.\/x\.js' is a relative path; pass import\.meta\.url/],
    [() => run(bodies, 5 as never), /^TypeError: run: the second argument must be the name of an exported function or an options object, got number 5$/],
    [() => run(bodies, ''), /^TypeError: run: the name of the exported function to run is empty/],
    [() => run(bodies, 'nope'), /^TypeError: run: file:.*sweep-bodies\.js has no exported function 'nope'$/],
    [() => run(bodies, 'echo', 5 as never), /^TypeError: run: options must be an object .*got number 5$/],
    ...unclonables().map(([what, v]): [() => Promise<unknown>, RegExp] => [() => run(bodies, 'echo', { args: [v()] }), new RegExp(`^TypeError: go\\(echo\\): argument 1.*${what.includes('getter') ? 'boom cannot be read to copy it: reading it threw Error: getter boom' : ''}`)]),
  ];
  for (const [f, re] of cases) await assert.rejects(f(), (e: unknown) => (assert.match(String(e), re), true));
  await assertNoThreadLeft();
});

test('Runtime.go and rt.gomaxprocs: each bad url, name, args, argument value, options and n is refused at the call naming it; the Runtime is whole afterwards', T, async () => {
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 2 });
  try {
    const aborted = AbortSignal.abort(new Error('aborted before the call'));
    const cases: [string, () => unknown, RegExp][] = [
      ['url number', () => rt.go(5 as never, 'echo'), /^TypeError: Runtime\.go: the module must be a URL \(import\.meta\.url, or a URL object\) or an absolute path, got number$/],
      ['url undefined', () => rt.go(undefined as never, 'echo'), /got undefined$/],
      ['url relative', () => rt.go('./sweep-bodies.js', 'echo'), /^TypeError: Runtime\.go: '\.\/sweep-bodies\.js' is a relative path; pass import\.meta\.url/],
      ['url missing', () => rt.go('/nonexistent/x.js', 'echo'), /^Error: Runtime\.go: cannot load file:\/\/\/nonexistent\/x\.js: no such file$/],
      ['url http', () => rt.go('http://example.invalid/x.js', 'echo'), /^Error: Runtime\.go\(echo\): cannot load http:\/\/example\.invalid\/x\.js: /],
      ['name number', () => rt.go(bodies, 5 as never), /^TypeError: Runtime\.go: name must be the name of an exported function, got number 5$/],
      ['name empty', () => rt.go(bodies, ''), /^TypeError: Runtime\.go: name must be the name of an exported function, got the string ""$/],
      ['name missing', () => rt.go(bodies, 'nope'), /^TypeError: Runtime\.go\(nope\): file:.*sweep-bodies\.js has no exported function 'nope'; its exported functions: /],
      ['args string', () => rt.go(bodies, 'echo', 'x' as never), /^TypeError: Runtime\.go\(echo\): args must be an array of arguments, got the string "x"$/],
      ['args object', () => rt.go(bodies, 'echo', { 0: 1 } as never), /^TypeError: Runtime\.go\(echo\): args must be an array of arguments, got \{"0":1\}$/],
      ['options number', () => rt.go(bodies, 'echo', [], 5 as never), /^TypeError: Runtime\.go: options must be an object like \{ signal \}, got number 5$/],
      ['options array', () => rt.go(bodies, 'echo', [], [] as never), /^TypeError: Runtime\.go: options must be an object like \{ signal \}, got an array$/],
      ['options unknown', () => rt.go(bodies, 'echo', [], { signals: 1 } as never), /^TypeError: Runtime\.go\(echo\): unknown option 'signals' \(the one option is signal\)$/],
      ['signal string', () => rt.go(bodies, 'echo', [], { signal: 'x' as never }), /^TypeError: Runtime\.go\(echo\): signal must be an AbortSignal, got the string "x"$/],
      ['signal aborted', () => rt.go(bodies, 'echo', [], { signal: aborted }), /^Error: aborted before the call$/],
      ['fn arrow', () => rt.go(() => 1), /^TypeError: Runtime\.go\(\(anonymous\)\): cannot tell which module exports this function/],
      ['fn args string', () => rt.go(unclonables, 'x' as never), /^TypeError: Runtime\.go\(unclonables\): args must be an array of arguments, got the string "x"$/],
      ['arg function', () => rt.go(bodies, 'echo', [1, function named() {}]), /^TypeError: go\(echo\): argument 2 \(function named\) cannot be passed to a goroutine: function named\(\) \{ \} could not be cloned\.$/],
      ['arg symbol', () => rt.go(bodies, 'echo', [1, Symbol('s')]), /^TypeError: go\(echo\): argument 2 \(symbol\) cannot be passed to a goroutine: Symbol\(s\) could not be cloned\.$/],
      ['arg class instance', () => rt.go(bodies, 'echo', [1, unclonables()[2]![1]()]), /^TypeError: go\(echo\): argument 2 is an instance of class Point, which would arrive as a plain object/],
      ['arg WeakMap', () => rt.go(bodies, 'echo', [1, new WeakMap()]), /^TypeError: go\(echo\): argument 2 is a WeakMap, which cannot be copied to another thread; pass plain data$/],
      ['arg WeakRef deep', () => rt.go(bodies, 'echo', [{ a: [new WeakRef({})] }]), /^TypeError: go\(echo\): argument 1\.a\[0\] is a WeakRef, which cannot be copied/],
      ['arg throwing getter', () => rt.go(bodies, 'echo', [unclonables()[4]![1]()]), /^TypeError: go\(echo\): argument 1\.boom cannot be read to copy it: reading it threw Error: getter boom$/],
      ['arg nested throwing getter', () => rt.go(bodies, 'echo', [unclonables()[5]![1]()]), /^TypeError: go\(echo\): argument 1\.list\[1\]\.boom cannot be read to copy it: reading it threw Error: getter boom$/],
      ['arg Proxy', () => rt.go(bodies, 'echo', [new Proxy({}, { ownKeys() { throw new Error('trap'); } })]), /^TypeError: go\(echo\): argument 1 cannot be read to copy it: reading it threw Error: trap$/],
      ...[1.5, NaN, Infinity, -Infinity, '2', undefined].map((n): [string, () => unknown, RegExp] => [
        `gomaxprocs ${String(n)}`, () => rt.gomaxprocs(n as never),
        new RegExp(`^RangeError: Runtime\\.gomaxprocs: n must be an integer \\(0 or less queries\\), got ${escape(shown(n))}$`),
      ]),
    ];
    for (const [what, f, re] of cases) {
      assert.throws(f, (e: unknown) => (assert.match(String(e), re, what), true), what);
    }
    // Go's GOMAXPROCS: 0 and -1 query, 1e9 is clamped to what the scheduler's word holds.
    assert.equal(rt.gomaxprocs(0), 2);
    assert.equal(rt.gomaxprocs(-1), 2);
    assert.equal(rt.gomaxprocs(1e9), 2);
    assert.equal(rt.gomaxprocs(2), maxgomaxprocs);
    await assertWhole(rt, 2, 'after bad Runtime.go calls');
  } finally {
    await rt.close();
  }
});

test('inside a goroutine: every API call with each bad value fails naming the call and the value; nothing is lost', T, async () => {
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 2 });
  try {
    const got = new Map(await rt.go<[string, string][]>(bodies, 'sweepCalls', [bodies]).result);
    const cannotCopy = (call: string) => (what: string): [string, RegExp] => [`${call} ${what}`, new RegExp({
      function: `^TypeError: ${call}: the value cannot be copied to another goroutine: function named\\(\\) \\{ \\} could not be cloned\\.$`,
      symbol: `^TypeError: ${call}: the value cannot be copied to another goroutine: Symbol\\(sym\\) could not be cloned\\.$`,
      'class instance': `^TypeError: ${call}: the value is an instance of class Point, which would arrive as a plain object`,
      WeakMap: `^TypeError: ${call}: the value is a WeakMap, which cannot be copied to another thread; pass plain data$`,
      'throwing getter': `^TypeError: ${call}: the value\\.boom cannot be read to copy it: reading it threw Error: getter boom$`,
      'nested throwing getter': `^TypeError: ${call}: the value\\.list\\[1\\]\\.boom cannot be read to copy it: reading it threw Error: getter boom$`,
    }[what]!)];
    const want: [string, RegExp][] = [
      ...[['1.5', 'number 1.5'], ['NaN', 'number NaN'], ['Infinity', 'number Infinity'], ["'2'", 'the string "2"'], ['undefined', 'undefined']].map(([v, s]): [string, RegExp] =>
        [`GOMAXPROCS ${v}`, new RegExp(`^RangeError: GOMAXPROCS: n must be an integer \\(0 or less queries\\), got ${escape(s!)}$`)]),
      ['GOMAXPROCS 0', /^no error \(2\)$/],
      ['GOMAXPROCS -1', /^no error \(2\)$/],
      ['GOMAXPROCS 1e9', /^no error \(2\)$/],
      ['GOMAXPROCS restore', new RegExp(`^no error \\(${maxgomaxprocs}\\)$`)],
      ...[['1.5', 'number 1.5'], ['NaN', 'number NaN'], ['1e9', 'number 1000000000'], ['-1', 'number -1'], ["'2'", 'the string "2"'], ['null', 'null']].map(([v, s]): [string, RegExp] =>
        [`chan ${v}`, new RegExp(`^RangeError: chan: capacity must be an integer from 0 to 16777216, got ${escape(s!)}$`)]),
      ...unclonables().map(([what]) => cannotCopy('send')(what)),
      ...unclonables().map(([what]) => cannotCopy('select case 0')(what)).map(([w, re]): [string, RegExp] => [w.replace('select case 0', 'select send'), re]),
      ...unclonables().map(([what]): [string, RegExp] => [`go argument ${what}`, new RegExp(`^TypeError: go\\(echo\\): argument 2${{
        function: ' \\(function named\\) cannot be passed to a goroutine', symbol: ' \\(symbol\\) cannot be passed to a goroutine',
        'class instance': ' is an instance of class Point', WeakMap: ' is a WeakMap, which cannot be copied',
        'throwing getter': '\\.boom cannot be read to copy it: reading it threw Error: getter boom$',
        'nested throwing getter': '\\.list\\[1\\]\\.boom cannot be read to copy it',
      }[what]!}`)]),
      ['send on closed', /^Error: send on closed channel$/],
      ['close closed', /^Error: close of closed channel$/],
      ['close null', /^Error: close of nil channel$/],
      ['close string', /^TypeError: close: ch must be a channel \(from chan\(\)\) or null, got the string "ch"$/],
      ['select null case', /^TypeError: select: case 0 must be \{ recv: ch \} or \{ send: ch, value \}$/],
      ['select empty case', /^TypeError: select: case 0 must be \{ recv: ch \} or \{ send: ch, value \}$/],
      ['select opts null', /^TypeError: select: the second argument must be an object like \{ default\(\) \{\} \}, got null$/],
      ['select send on closed', /^Error: send on closed channel$/],
      ['select recv string', /^TypeError: select: case 0: recv must be a channel \(from chan\(\)\) or null, got the string "ch"$/],
      ['syscall 5', /^TypeError: syscall: fn must be a function \(the blocking call to run\), got number 5$/],
      ['syscall undefined', /^TypeError: syscall: fn must be a function .*got undefined$/],
      ['syscall nested', /^Error: syscall: this goroutine is already inside a system call/],
      ...[['NaN', 'number NaN'], ['undefined', 'undefined'], ['bigint', 'bigint 10'], ["'5'", 'the string "5"']].map(([v, s]): [string, RegExp] =>
        [`sleep ${v}`, new RegExp(`^TypeError: sleep: ms must be a number${v === 'NaN' ? ' other than NaN' : ''}, got ${escape(s!)}$`)]),
      ['sleep -1', /^no error \(undefined\)$/],
      ...[['1.5', 'number 1.5'], ['NaN', 'number NaN'], ['Infinity', 'number Infinity']].map(([v, s]): [string, RegExp] =>
        [`WaitGroup.add ${v}`, new RegExp(`^TypeError: WaitGroup\\.add: delta must be an integer, got ${escape(s!)}$`)]),
      ['WaitGroup.add -1', /^Error: sync: negative WaitGroup counter$/],
      ['WaitGroup.done', /^Error: sync: negative WaitGroup counter$/],
      ['Mutex.tryLock twice', /^no error \(0\)$/],
      ['go number', /^TypeError: go: the module must be a URL \(import\.meta\.url, or a URL object\) or an absolute path, got number$/],
      ['go url name number', /^TypeError: go\(url, name, \.\.\.args\): name must be a string, got number$/],
      ['go not exported', /^TypeError: go\(notExported\): file:.*sweep-bodies\.js has no export 'notExported' that is this function/],
      ['go arrow', /^TypeError: go\(\(anonymous\)\): cannot tell which module exports this function/],
      ['go relative', /^TypeError: go: '\.\/x\.js' is a relative path/],
      ['go missing file', /^Error: go: cannot load file:\/\/\/nonexistent\/x\.js: no such file$/],
      ['after', /^3 2$/],
    ];
    assert.deepEqual([...got.keys()].sort(), want.map(([w]) => w).sort(), 'every call is checked');
    for (const [what, re] of want) assert.match(got.get(what)!, re, what);
    await rt.wait();
    await assertWhole(rt, 2, 'after bad calls inside a goroutine');
  } finally {
    await rt.close();
  }
});

test('a goroutine that throws any kind of value, or returns one that cannot be copied: a GoroutinePanic naming the function and the value; the Runtime is whole', T, async () => {
  const rt = await Runtime.start({ protocol: 'lock', gomaxprocs: 3 });
  const noTrace = (kind: string) => new RegExp(`^\\w+ \\(file:.*sweep-bodies\\.js\\)\\n\\t\\(${kind} was thrown, not an Error: no stack trace`);
  const cannotReturn = (what: string) => new RegExp(`^the goroutine's return value cannot be copied to the owning thread: ${what}`);
  const cases: [string, RegExp, RegExp][] = [
    ['throwNull', /^nil$/, noTrace('null')],
    ['throwNumber', /^\+1\.500000e\+000$/, noTrace('a number')],
    ['throwBigInt', /^12$/, noTrace('a bigint')],
    ['throwSymbol', /^Symbol\(thrown\)$/, noTrace('a symbol')],
    ['throwFunction', /^function culprit$/, noTrace('a function')],
    ['throwWeakMap', /^WeakMap \{\}$/, noTrace('an object')],
    ['throwGetter', /^\[object Object\]$/, noTrace('an object')],
    ['throwCycle', /^\[object Object\]$/, noTrace('an object')],
    ['throwErrorBadMessage', /^\(its message could not be read\)$/, /^throwErrorBadMessage \(file:.*\)\n\t\(its stack could not be read\)$/],
    ['throwErrorSymbolMessage', /^Symbol\(msg\)$/, /\(its stack could not be read\)$/],
    ['throwErrorBadStack', /^stackless$/, /\(its stack could not be read\)$/],
    ['throwProxy', /^a value that could not be described \(reading it threw: proxy proto trap\)$/, /^throwProxy \(file:.*\)\n\t\(the thrown value could not be read: no stack trace\)$/],
    ['throwAfterAwait', /^after await$/, /^Error: after await\n\s+at throwAfterAwait /],
    ['rejectStringAfterAwait', /^rejected string$/, noTrace('a string')],
    ['throwAfterAwaitSyscall', /^after syscall$/, /^TypeError: after syscall\n\s+at throwAfterAwaitSyscall /],
    ['throwSymbolInSyscall', /^Symbol\(in syscall\)$/, noTrace('a symbol')],
    ['syscallNotFunction', /^syscall: fn must be a function \(the blocking call to run\), got number 42$/, /^TypeError: syscall: fn must be/],
    ['negativeWaitGroup', /^sync: negative WaitGroup counter$/, /^Error: sync: negative WaitGroup counter\n/],
    ['closeClosed', /^close of closed channel$/, /^Error: close of closed channel\n/],
    ['returnFunction', cannotReturn('function ret\\(\\) \\{ \\} could not be cloned\\.$'), /^TypeError/],
    ['returnWeakMap', cannotReturn('it is a WeakMap, which cannot be copied to another thread; pass plain data$'), /^TypeError/],
    ['returnGetter', cannotReturn('it\\.boom cannot be read to copy it: reading it threw Error: getter boom$'), /^TypeError/],
    ['returnClassInstance', cannotReturn('it is an instance of class Point'), /^TypeError/],
    ['returnSymbolAsync', cannotReturn('Symbol\\(async\\) could not be cloned\\.$'), /^TypeError/],
  ];
  try {
    // All at once, three running together: the panics must not disturb one another.
    const handles = cases.map(([name]) => rt.go(bodies, name));
    const outcomes = await Promise.allSettled(handles.map((h) => h.result));
    outcomes.forEach((o, i) => {
      const [name, message, stack] = cases[i]!;
      assert.equal(o.status, 'rejected', name);
      const e = (o as PromiseRejectedResult).reason as unknown;
      assert.ok(e instanceof GoroutinePanic, `${name}: ${String(e)}`);
      assert.equal(e.goid, handles[i]!.id, name);
      assert.match(e.func, new RegExp(`^${name} \\(file:.*sweep-bodies\\.js\\)$`), name);
      const prefix = `goroutine ${e.goid} [${e.func}] panicked: `;
      assert.ok(e.message.startsWith(prefix), `${name}: ${e.message}`);
      assert.match(e.message.slice(prefix.length), message, name);
      assert.match(e.goroutineStack, stack, name);
    });
    await rt.wait();
    await assertWhole(rt, 3, 'after panics');
  } finally {
    await rt.close();
  }
});

test('misuse that is fatal in Go (unlock of an unlocked Mutex) ends the Runtime with a SchedulerError; close() is bounded and no thread is left', T, async () => {
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 2, minThreads: 2 });
  try {
    rt.go(bodies, 'unlockUnlocked');
    await assert.rejects(rt.wait(), (e: unknown) => e instanceof SchedulerError && e.message === 'sync: unlock of unlocked mutex');
    assert.throws(() => rt.go(bodies, 'echo', [1]), /^SchedulerError: sync: unlock of unlocked mutex$/);
    const t0 = Date.now();
    await rt.close();
    assert.ok(Date.now() - t0 < CLOSE_BOUND_MS);
    await assertNoThreadLeft();
  } finally {
    await rt.close();
  }
  await assert.rejects(run(bodies, 'unlockUnlocked'), /^SchedulerError: sync: unlock of unlocked mutex$/);
  // A goroutine that locks a Mutex it holds waits for itself: under run(), Go's deadlock.
  await assert.rejects(run(bodies, 'lockTwice'), (e: unknown) => e instanceof SchedulerError
    && /all goroutines are asleep - deadlock!$/.test(e.message) && /lockTwice/.test(JSON.stringify(e.goroutines)));
  await assertNoThreadLeft();
});

test('a channel taken from one Runtime to another: a panic naming the mistake; both Runtimes whole', T, async () => {
  const a = await Runtime.start({ gomaxprocs: 1 });
  const b = await Runtime.start({ gomaxprocs: 2 });
  try {
    const ch = await a.go(bodies, 'makeChan').result;
    await assert.rejects(b.go(bodies, 'sendOn', [ch]).result, (e: unknown) => e instanceof GoroutinePanic
      && /^goroutine \d+ \[sendOn \(file:.*\)\] panicked: send: this object belongs to another Runtime \(handles cannot move between Runtimes\)$/.test(e.message));
    await b.wait();
    await assertWhole(b, 2, 'the Runtime the channel was taken to');
    await assertWhole(a, 1, 'the channel\'s own Runtime');
  } finally {
    await a.close();
    await b.close();
  }
});

test('a program that meets each kind of bad input and never calls close() still exits by itself', T, async () => {
  // A Runtime whose goroutines are done holds nothing: after refused calls, panics of
  // unreadable values and a fatal error, the process must end on its own.
  const program = `
    const { Runtime } = await import(${JSON.stringify(index)});
    const bodies = ${JSON.stringify(bodies)};
    const rt = await Runtime.start({ gomaxprocs: 2, minThreads: 2 });
    const out = [];
    try { rt.go(bodies, 'echo', [new WeakMap()]); } catch (e) { out.push('refused'); }
    for (const name of ['throwProxy', 'throwErrorBadMessage', 'returnGetter', 'syscallNotFunction']) {
      await rt.go(bodies, name).result.catch((e) => out.push(e.name));
    }
    out.push(String(await rt.go(bodies, 'echo', [5]).result));
    const bad = await Runtime.start({ gomaxprocs: 1 });
    bad.go(bodies, 'unlockUnlocked');
    await bad.wait().catch((e) => out.push(e.name));
    console.log(out.join(' '));
  `;
  const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', program], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the program did not exit within 30 s: ${stdout}${stderr}`));
    }, 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
  assert.deepEqual(r, { code: 0, stdout: 'refused GoroutinePanic GoroutinePanic GoroutinePanic GoroutinePanic 5 SchedulerError\n', stderr: '' });
});
