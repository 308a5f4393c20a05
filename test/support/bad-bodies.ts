// Goroutine bodies for test/bad-input.test.ts: goroutines that throw what is not an
// Error, throw inside syscall(), return what cannot be copied, and call the goroutine
// API with bad arguments.
import { chan, close, go, gosched, GOMAXPROCS, Mutex, Once, select, sleep, syscall, WaitGroup, type Chan } from '../../src/runtime/goroutine.js';

/** A class whose instances lose their private field and getter in a structured clone. */
export class Secret {
  #code = 42;
  get code(): number {
    return this.#code;
  }
}

export function throwString(): void {
  throw 'a plain string'; // eslint-disable-line no-throw-literal
}

export function throwUndefined(): void {
  throw undefined; // eslint-disable-line no-throw-literal
}

export function throwObject(): void {
  throw { code: 42, why: 'bad input' }; // eslint-disable-line no-throw-literal
}

export function throwInSyscall(): void {
  syscall(() => {
    throw new Error('failed inside syscall');
  });
}

export function throwStringInSyscall(): void {
  syscall(() => {
    throw 'string from syscall'; // eslint-disable-line no-throw-literal
  });
}

export async function rejectInSyscall(): Promise<void> {
  await syscall(() => new Promise((_, reject) => setTimeout(() => reject(new Error('rejected inside syscall')), 5)));
}

export function returnSecret(): Secret {
  return new Secret();
}

export function returnSymbol(): symbol {
  return Symbol('not cloneable');
}

export function echo(x: unknown): unknown {
  return x;
}

/** go() of a module whose top-level code throws: the new goroutine panics. */
export function goThrowingModule(url: string): void {
  go(url, 'f');
}

/** Each bad call of the goroutine API, and what it threw (class name and message). */
export function badCalls(): string[] {
  const tries: [string, () => unknown][] = [
    ['GOMAXPROCS string', () => GOMAXPROCS('4' as never)],
    ['GOMAXPROCS NaN', () => GOMAXPROCS(NaN)],
    ['chan negative', () => chan(-1)],
    ['chan string', () => chan('3' as never)],
    ['send function', () => chan(1).send(() => 1)],
    ['send symbol', () => chan(1).send(Symbol('s'))],
    ['send class instance', () => chan(1).send(new Secret())],
    ['send nested class instance', () => chan(1).send({ list: [1, { inner: new Secret() }] })],
    ['select not an array', () => select(5 as never)],
    ['select case not a channel', () => select([{ recv: 5 as never }])],
    ['select case both', () => select([{ recv: chan(1), send: chan(1), value: 1 } as never])],
    ['select default not a function', () => select([], { default: 5 as never })],
    ['select do not a function', () => select([{ recv: null, do: 'x' as never }], { default: () => 0 })],
    ['select send class instance', () => select([{ send: chan(1), value: new Secret() }], { default: () => 0 })],
    // Misspelt keys: before, dropped silently; a misspelt default left the select
    // blocked for ever, a misspelt value sent undefined.
    ['select misspelt default', () => select([], { defualt: () => 0 } as never)],
    ['select misspelt do', () => select([{ recv: null, Do: () => 0 } as never], { default: () => 0 })],
    ['select misspelt value', () => select([{ send: null, vaule: 1 } as never], { default: () => 0 })],
    ['close not a channel', () => close(5 as never)],
    ['sleep string', () => sleep('10' as never)],
    ['sleep NaN', () => sleep(NaN)],
    ['WaitGroup.add string', () => new WaitGroup().add('1' as never)],
    ['WaitGroup.add overflow', () => new WaitGroup().add(2 ** 31)],
    ['Once.do not a function', () => new Once().do(5 as never)],
    ['go number', () => go(123 as never)],
    ['go symbol argument', () => go(import.meta.url, 'echo', Symbol('x'))],
    ['go class instance argument', () => go(import.meta.url, 'echo', new Secret())],
    ['go relative path', () => go('./bad-bodies.js', 'echo')],
    // Inside syscall() the goroutine holds no cpu slot: a call that may give one up, or
    // wait for one, would corrupt the counts (gosched() there left mcpu at -1 and
    // schedlock held, and every goroutine stuck).
    ['gosched inside syscall', () => syscall(() => gosched())],
    ['GOMAXPROCS inside syscall', () => syscall(() => GOMAXPROCS(1))],
    ['sleep inside syscall', () => syscall(() => sleep(1))],
    ['recv inside syscall', () => syscall(() => chan(1).recv())],
  ];
  return tries.map(([what, f]) => {
    try {
      f();
      return `${what}: no error`;
    } catch (err) {
      return `${what}: ${(err as Error).constructor.name}: ${(err as Error).message}`;
    }
  });
}

/** Sends that fail (the value cannot be copied) `n` times on one channel, then a good
 * value through it: nothing of the failed values stays on the heap, and the channel
 * still works. With n = 0 the same channel traffic without the failures (the control). */
export function failedSends(n: number): [number, number] {
  const ch: Chan<unknown> = chan(2);
  const other = chan(1);
  for (let i = 0; i < n; i++) {
    try {
      ch.send({ ok: 'x'.repeat(100), bad: new Secret() });
    } catch { /* refused */ }
    try {
      // Case 0's value is copied (a heap block) before case 1's is refused: it must be freed.
      select([{ send: other, value: { big: 'y'.repeat(1000) } }, { send: ch, value: () => 1 }], { default: () => 0 });
    } catch { /* refused */ }
  }
  ch.send({ good: 1 });
  return [ch.length, (ch.recv() as { good: number }).good];
}

/** Go's os.Exit from a goroutine. */
export function exitWith(code: unknown): void {
  process.exit(code as number);
}

/** A promise nobody awaits rejects while the goroutine waits in a system call. */
export async function lostRejection(): Promise<void> {
  void Promise.reject(new Error('nobody awaited this'));
  await syscall(() => new Promise((resolve) => setTimeout(resolve, 2000)));
}

/** Returns at once, leaving behind a timer that throws 20 ms later: on its thread, which
 * runs no event loop between goroutines, the callback runs when a later goroutine there
 * awaits something. */
export function leaveThrowingTimer(): string {
  setTimeout(() => { throw new Error('thrown by a timer left behind'); }, 20);
  return 'returned';
}

/** Awaits a system call of ms milliseconds, letting its thread's event loop run. */
export async function awaitSyscall(ms: number): Promise<number> {
  await syscall(() => new Promise((resolve) => setTimeout(resolve, ms)));
  return ms;
}

/** Starts n goroutines and waits for them: with maxm 1, they wait for its M for ever. */
export function waitForMore(n: number): void {
  const wg = new WaitGroup();
  wg.add(n);
  for (let i = 0; i < n; i++) go(import.meta.url, 'doneWith', wg);
  wg.wait();
}

/** Parks for ever: a receive on a channel nobody else has. */
export function parkForever(): void {
  chan<number>().recv();
}

export function doneWith(wg: WaitGroup): void {
  wg.done();
}

/** Locks mu, says so on `locked`, and panics holding it. */
export function lockAndPanic(mu: Mutex, locked: Chan): void {
  mu.lock();
  locked.send(true);
  throw new Error('died holding the lock');
}

/** Starts lockAndPanic, then waits for the Mutex it never unlocks: with nothing else
 * alive, the panic leaves this goroutine blocked for ever (a deadlock, once sealed). */
export function lockAfterPanicker(): void {
  const mu = new Mutex();
  const locked = chan();
  go(import.meta.url, 'lockAndPanic', mu, locked);
  locked.recv();
  mu.lock();
}

/** Allocates until its thread's V8 heap limit ends the thread. */
export function hogMemory(): void {
  const keep: number[][] = [];
  for (;;) keep.push(new Array(100_000).fill(keep.length));
}
