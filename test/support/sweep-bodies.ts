// Goroutine bodies for test/bad-input-sweep.test.ts: every goroutine API entry point
// called with each kind of bad value, and goroutines that throw, return or send values
// that cannot cross to another thread.
import { chan, close, go, GOMAXPROCS, Mutex, select, sleep, syscall, WaitGroup } from '../../src/runtime/goroutine.js';

/** Values that cannot be structured-cloned or would lose what they are on the way. */
export function unclonables(): [string, () => unknown][] {
  return [
    ['function', () => function named() {}],
    ['symbol', () => Symbol('sym')],
    ['class instance', () => new (class Point { x = 1; norm(): number { return this.x; } })()],
    ['WeakMap', () => new WeakMap()],
    ['throwing getter', () => ({ get boom(): number { throw new Error('getter boom'); } })],
    ['nested throwing getter', () => ({ list: [1, { get boom(): number { throw new Error('getter boom'); } }] })],
  ];
}

/** One bad call: what it threw as "Class: message", or "no error" with what it returned. */
function attempt(f: () => unknown): string {
  try {
    const r = f();
    return `no error (${typeof r === 'number' ? r : typeof r})`;
  } catch (err) {
    return err instanceof Error ? `${err.constructor.name}: ${err.message}` : `non-Error ${String(err)}`;
  }
}

export function echo(x: unknown): unknown {
  return x;
}

function notExported(): void {}

/** Every bad call of the goroutine API this goroutine can make without ending the
 * Runtime, as [what, outcome]. The Runtime's GOMAXPROCS is left as it was found. */
export function sweepCalls(url: string): [string, string][] {
  const procs = GOMAXPROCS(0);
  const closed = chan(1);
  closed.close();
  const wg = new WaitGroup();
  const calls: [string, () => unknown][] = [
    ['GOMAXPROCS 1.5', () => GOMAXPROCS(1.5)],
    ['GOMAXPROCS NaN', () => GOMAXPROCS(NaN)],
    ['GOMAXPROCS Infinity', () => GOMAXPROCS(Infinity)],
    ["GOMAXPROCS '2'", () => GOMAXPROCS('2' as never)],
    ['GOMAXPROCS undefined', () => GOMAXPROCS(undefined as never)],
    ['GOMAXPROCS 0', () => GOMAXPROCS(0)],
    ['GOMAXPROCS -1', () => GOMAXPROCS(-1)],
    ['GOMAXPROCS 1e9', () => GOMAXPROCS(1e9)],
    ['GOMAXPROCS restore', () => GOMAXPROCS(procs)],
    ['chan 1.5', () => chan(1.5)],
    ['chan NaN', () => chan(NaN)],
    ['chan 1e9', () => chan(1e9)],
    ['chan -1', () => chan(-1)],
    ["chan '2'", () => chan('2' as never)],
    ['chan null', () => chan(null as never)],
    ...unclonables().map(([what, v]): [string, () => unknown] => [`send ${what}`, () => chan(1).send(v())]),
    ...unclonables().map(([what, v]): [string, () => unknown] => [`select send ${what}`, () => select([{ send: chan(1), value: v() }], { default: () => 0 })]),
    ...unclonables().map(([what, v]): [string, () => unknown] => [`go argument ${what}`, () => go(url, 'echo', 1, v())]),
    ['send on closed', () => closed.send(1)],
    ['close closed', () => close(closed)],
    ['close null', () => close(null as never)],
    ['close string', () => close('ch' as never)],
    ['select null case', () => select([null as never], { default: () => 0 })],
    ['select empty case', () => select([{} as never], { default: () => 0 })],
    ['select opts null', () => select([], null as never)],
    ['select send on closed', () => select([{ send: closed, value: 1 }], { default: () => 0 })],
    ['select recv string', () => select([{ recv: 'ch' as never }], { default: () => 0 })],
    ['syscall 5', () => syscall(5 as never)],
    ['syscall undefined', () => syscall(undefined as never)],
    ['syscall nested', () => syscall(() => syscall(() => 1))],
    ['sleep NaN', () => sleep(NaN)],
    ['sleep undefined', () => sleep(undefined as never)],
    ['sleep bigint', () => sleep(10n as never)],
    ["sleep '5'", () => sleep('5' as never)],
    ['sleep -1', () => sleep(-1)],
    ['WaitGroup.add 1.5', () => wg.add(1.5)],
    ['WaitGroup.add NaN', () => wg.add(NaN)],
    ['WaitGroup.add Infinity', () => wg.add(Infinity)],
    ['WaitGroup.add -1', () => wg.add(-1)],
    ['WaitGroup.done', () => wg.done()],
    ['Mutex.tryLock twice', () => { const mu = new Mutex(); mu.tryLock(); return mu.tryLock() ? 1 : 0; }],
    ['go number', () => go(5 as never)],
    ['go url name number', () => go(url, 5 as never)],
    ['go not exported', () => go(notExported)],
    ['go arrow', () => go(() => 1)],
    ['go relative', () => go('./x.js', 'echo')],
    ['go missing file', () => go('/nonexistent/x.js', 'echo')],
  ];
  const out = calls.map(([what, f]): [string, string] => [what, attempt(f)]);
  // Afterwards the WaitGroup and channels still work as they should.
  wg.add(1);
  wg.done();
  wg.wait();
  const ch = chan<number>(1);
  ch.send(3);
  out.push(['after', `${ch.recv()} ${GOMAXPROCS(0)}`]);
  return out;
}

// Goroutines that end by throwing: each is a GoroutinePanic naming the function.
export function throwNull(): void {
  throw null; // eslint-disable-line no-throw-literal
}
export function throwNumber(): void {
  throw 1.5; // eslint-disable-line no-throw-literal
}
export function throwSymbol(): void {
  throw Symbol('thrown'); // eslint-disable-line no-throw-literal
}
export function throwFunction(): void {
  throw function culprit() {}; // eslint-disable-line no-throw-literal
}
export function throwWeakMap(): void {
  throw new WeakMap(); // eslint-disable-line no-throw-literal
}
export function throwGetter(): void {
  throw { get boom(): number { throw new Error('getter boom'); } }; // eslint-disable-line no-throw-literal
}
export function throwCycle(): void {
  const o: Record<string, unknown> = { a: 1 };
  o.self = o;
  throw o; // eslint-disable-line no-throw-literal
}
export function throwErrorBadMessage(): void {
  const e = new Error('x');
  Object.defineProperty(e, 'message', { get() { throw new Error('message getter boom'); } });
  throw e;
}
export function throwErrorSymbolMessage(): void {
  const e = new Error('x');
  Object.defineProperty(e, 'message', { value: Symbol('msg') });
  throw e;
}
export function throwErrorBadStack(): void {
  const e = new Error('stackless');
  Object.defineProperty(e, 'stack', { get() { throw new Error('stack getter boom'); } });
  throw e;
}
export function throwProxy(): void {
  throw new Proxy({}, { get() { throw new Error('proxy trap'); }, getPrototypeOf() { throw new Error('proxy proto trap'); } }); // eslint-disable-line no-throw-literal
}
export function throwBigInt(): void {
  throw 12n; // eslint-disable-line no-throw-literal
}
export async function throwAfterAwait(): Promise<void> {
  await Promise.resolve();
  await new Promise((r) => setTimeout(r, 5));
  throw new Error('after await');
}
export async function rejectStringAfterAwait(): Promise<void> {
  await new Promise((r) => setTimeout(r, 5));
  throw 'rejected string'; // eslint-disable-line no-throw-literal
}
export async function throwAfterAwaitSyscall(): Promise<void> {
  await syscall(() => new Promise((r) => setTimeout(r, 5)));
  throw new TypeError('after syscall');
}
export function throwSymbolInSyscall(): void {
  syscall(() => {
    throw Symbol('in syscall'); // eslint-disable-line no-throw-literal
  });
}
export function syscallNotFunction(): void {
  syscall(42 as never);
}
export function negativeWaitGroup(): void {
  new WaitGroup().done();
}
export function closeClosed(): void {
  const ch = chan(0);
  ch.close();
  ch.close();
}

// Goroutines whose return value cannot be copied to the owner.
export function returnFunction(): unknown {
  return function ret() {};
}
export function returnWeakMap(): unknown {
  return new WeakMap();
}
export function returnGetter(): unknown {
  return { get boom(): number { throw new Error('getter boom'); } };
}
export function returnClassInstance(): unknown {
  return new (class Point { x = 1; norm(): number { return this.x; } })();
}
export async function returnSymbolAsync(): Promise<unknown> {
  await new Promise((r) => setTimeout(r, 5));
  return Symbol('async');
}

/** Unlock of an unlocked Mutex: a fatal error, as in Go. */
export function unlockUnlocked(): void {
  new Mutex().unlock();
}

/** Locks a Mutex twice: the goroutine waits for itself (under run(), Go's deadlock). */
export function lockTwice(): void {
  const mu = new Mutex();
  mu.lock();
  mu.lock();
}

/** A channel, returned to the owner (who may pass it on to another Runtime). */
export function makeChan(): unknown {
  return chan(1);
}

/** Sends on a channel it was given. */
export function sendOn(ch: { send(v: unknown): void }): void {
  ch.send(1);
}
