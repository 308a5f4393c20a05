// Goroutine bodies for the goroutine API tests (test/goroutines.test.ts). Each runs on
// a worker thread (an M); main-like bodies return what the test checks.
import {
  chan, close, go, gosched, select, sleep, syscall, GOMAXPROCS, NumGoroutine, WaitGroup, Mutex, Once, type Chan,
} from '../../src/runtime/goroutine.js';
import { aliasedWorker, helperWorker } from './helper-module.js';
import { tlaAliased } from './helper-tla.js';

/** An export that is not a function (Runtime.go refuses it at the call). */
export const notAFunction = 42;

/** Values through an unbuffered and a buffered channel: order, copies, close, iteration. */
export function basics(): unknown {
  const out: Record<string, unknown> = {};
  const alone = NumGoroutine();
  go(recvOne, chan<string>()); // parked for good: alive, counted
  out.goroutines = [alone, NumGoroutine()];
  const un = chan<{ n: number }>();
  go(echoTwice, un);
  const obj = { n: 1 };
  un.send(obj);
  obj.n = 99; // the receiver got a copy made at send
  out.copied = un.recv();
  const b = chan<number | undefined>(3);
  b.send(1);
  b.send(undefined);
  b.send(3);
  out.lenCap = [b.length, b.capacity];
  b.close();
  out.drained = [b.recvOk(), b.recvOk(), b.recvOk(), b.recvOk(), b.recv()];
  const it = chan<string>(2);
  go(produce, it, 5);
  out.iterated = [...it];
  return out;
}

export function echoTwice(ch: Chan<{ n: number }>): void {
  const v = ch.recv()!;
  ch.send(v);
}

export function produce(ch: Chan<string>, n: number): void {
  for (let i = 0; i < n; i++) ch.send(`v${i}`);
  ch.close();
}

/** A megabyte-sized value, and a channel sent on a channel. */
export function bigAndNested(mb: number): unknown {
  const ch = chan<Chan<Uint8Array>>();
  go(bigSender, ch, mb);
  const reply = ch.recv()!; // a channel received on a channel
  const data = reply.recv()!;
  let sum = 0;
  for (let i = 0; i < data.length; i += 4099) sum += data[i]!;
  return { length: data.length, sum, first: data[0], last: data[data.length - 1] };
}

export function bigSender(ch: Chan<Chan<Uint8Array>>, mb: number): void {
  const reply = chan<Uint8Array>();
  ch.send(reply);
  const data = new Uint8Array(mb * 1024 * 1024);
  for (let i = 0; i < data.length; i++) data[i] = i % 251;
  reply.send(data);
}

/** Go's closed-channel rules, each caught where it is thrown. */
export function closedRules(): string[] {
  const msgs: string[] = [];
  const ch = chan<number>(1);
  ch.close();
  for (const f of [() => ch.send(1), () => ch.close(), () => close(null)]) {
    try {
      f();
      msgs.push('no panic');
    } catch (e) {
      msgs.push((e as Error).message);
    }
  }
  // A sender blocked when the channel closes panics.
  const un = chan<number>();
  const res = chan<string>(1);
  go(blockedSender, un, res);
  sleep(30); // most likely parked by now; if not, it panics at the send all the same
  un.close();
  msgs.push(res.recv()!);
  // Receivers blocked when the channel closes wake with [undefined, false].
  const quiet = chan<number>();
  const got = chan<string>(2);
  go(blockedReceiver, quiet, got);
  go(blockedReceiver, quiet, got);
  sleep(30);
  quiet.close();
  msgs.push(got.recv()!, got.recv()!);
  return msgs;
}

export function blockedSender(un: Chan<number>, res: Chan<string>): void {
  try {
    un.send(1);
    res.send('sent');
  } catch (e) {
    res.send(`blocked sender: ${(e as Error).message}`);
  }
}

export function blockedReceiver(ch: Chan<number>, got: Chan<string>): void {
  got.send(`blocked receiver: ${JSON.stringify(ch.recvOk())}`);
}

export function sendOnClosedUncaught(): void {
  const ch = chan<number>();
  ch.close();
  ch.send(1);
}

/** select: uniform among ready cases, default, a blocking select woken by a send. */
export function selects(rounds: number): unknown {
  const a = chan<number>(rounds);
  const b = chan<number>(rounds);
  for (let i = 0; i < rounds; i++) {
    a.send(i);
    b.send(i);
  }
  const counts = [0, 0];
  for (let i = 0; i < rounds; i++) {
    select([{ recv: a, do: () => counts[0]!++ }, { recv: b, do: () => counts[1]!++ }]);
  }
  const empty = chan<number>();
  const dflt = select([{ recv: empty, do: () => 'recv' }, { recv: null }], { default: () => 'default' });
  const late = chan<number>();
  go(sendLater, late, 42, 50);
  const woke = select<unknown>([{ recv: empty, do: () => 'wrong' }, { recv: late, do: (v: number | undefined, ok: boolean) => [v, ok] }]);
  const out = chan<string>();
  go(recvOne, out);
  const sent = select([{ send: out, value: 'hello', do: () => 'sent' }, { recv: empty }]);
  return { counts, dflt, woke, sent };
}

export function sendLater(ch: Chan<number>, v: number, ms: number): void {
  sleep(ms);
  ch.send(v);
}

export function recvOne(ch: Chan<string>): void {
  ch.recv();
}

/** WaitGroup: n goroutines each add to a shared counter under a Mutex; wait sees all. */
export function mutexCounter(n: number, per: number): number {
  const sab = new SharedArrayBuffer(4);
  const counter = new Int32Array(sab);
  const wg = new WaitGroup();
  const mu = new Mutex();
  for (let i = 0; i < n; i++) {
    wg.add(1);
    go(incrementer, counter, mu, wg, per);
  }
  wg.wait();
  return counter[0]!;
}

export function incrementer(counter: Int32Array, mu: Mutex, wg: WaitGroup, per: number): void {
  for (let i = 0; i < per; i++) {
    mu.lock();
    // A plain read-modify-write with a yield inside: only the Mutex keeps it whole.
    const v = counter[0]!;
    if (i % 50 === 0) sleep(1);
    counter[0] = v + 1;
    mu.unlock();
  }
  wg.done();
}

export function tryLocks(): boolean[] {
  const mu = new Mutex();
  const first = mu.tryLock();
  const second = mu.tryLock();
  mu.unlock();
  return [first, second, mu.tryLock()];
}

export function negativeWaitGroup(): void {
  const wg = new WaitGroup();
  wg.add(1);
  wg.done();
  wg.done();
}

export function unlockUnlocked(): void {
  new Mutex().unlock();
}

/** Once: from n goroutines, f runs once; the others wait for it. */
export function onces(n: number): number {
  const once = new Once();
  const runs = new Int32Array(new SharedArrayBuffer(4));
  const wg = new WaitGroup();
  wg.add(n);
  for (let i = 0; i < n; i++) go(doOnce, once, runs, wg);
  wg.wait();
  return runs[0]!;
}

export function doOnce(once: Once, runs: Int32Array, wg: WaitGroup): void {
  once.do(() => {
    sleep(20);
    Atomics.add(runs, 0, 1);
  });
  wg.done();
}

/** Every goroutine blocks: a deadlock. */
export function allBlock(): void {
  const ch = chan<number>();
  const wg = new WaitGroup();
  wg.add(1);
  go(recvOne, chan<string>());
  go(waitOn, wg);
  go(lockTwice, new Mutex());
  go(sendTo, chan<number>(), 1);
  ch.recv();
}

export function waitOn(wg: WaitGroup): void {
  wg.wait();
}

export function lockTwice(mu: Mutex): void {
  mu.lock();
  mu.lock();
}

export function selectForever(): void {
  select([{ recv: chan<number>() }, { send: chan<number>(), value: 1 }]);
}

/** A parent sleeps while its child is parked on a receive, until the owner has seen
 * both (it sets go[0]), then wakes the child. */
export function parkedChild(go_: Int32Array): number {
  const ch = chan<number>();
  const done = chan<number>();
  go(childRecv, ch, done);
  const end = Date.now() + 20_000;
  while (Atomics.load(go_, 0) === 0 && Date.now() < end) sleep(20);
  ch.send(7);
  return done.recv()!;
}

export function childRecv(ch: Chan<number>, done: Chan<number>): void {
  done.send(ch.recv()! * 6);
}

/** An async goroutine awaiting a promise inside syscall gives its cpu slot up. */
export async function asyncSyscall(ms: number): Promise<unknown> {
  const ch = chan<string>(1);
  go(sendLater as never, ch, 'other ran', 0);
  const v = await syscall(() => new Promise<string>((r) => setTimeout(() => r('io done'), ms)));
  return [v, ch.recv(), GOMAXPROCS(0)];
}

export function bigArgs(s: string, sab: SharedArrayBuffer, view: Int32Array): unknown {
  Atomics.store(view, 1, 11);
  new Int32Array(sab)[0] = 5;
  return s.length;
}

export function goUnknown(): void {
  go(((x: number) => x) as never, 1);
}

export function goHelper(): string {
  const ch = chan<string>();
  go(helperWorker, ch, 'hi');
  return ch.recv()!;
}

/** go(url, name) with the module (helper-module's href) named by a URL object made on this thread. */
export function goByUrlObject(href: string): string {
  const ch = chan<string>();
  go(new URL(href), 'helperWorker', ch, 'hi');
  return ch.recv()!;
}

/** go(url, name) of whatever module the caller names; returns at once (the new goroutine
 * reports a module that cannot load). */
export function goNamed(href: string, name: string): string {
  go(href, name);
  return 'started';
}

/** go(fn) of a function exported under another name than its own (`export { renamed as
 * aliasedWorker }`): found under that name, it runs. */
export function goAliased(): string {
  const ch = chan<string>(1);
  go(aliasedWorker, ch);
  return ch.recv()!;
}

/** The same from a module with top-level await, whose exports go(fn) cannot read at the
 * call: the new goroutine, looking for fn's own name, panics saying why; this one returns. */
export function goAliasedTla(): string {
  go(tlaAliased, chan<string>(1));
  return 'started';
}

function notExported(): void {}

export function goNotExported(): void {
  go(notExported);
}

export function goRelative(): void {
  go('./nope.js', 'f');
}

export function returnsFunction(): unknown {
  return () => 1;
}

export function pingpong(n: number): number {
  const ping = chan<number>();
  const pong = chan<number>();
  go(ponger, ping, pong);
  for (let i = 0; i < n; i++) {
    ping.send(i);
    pong.recv();
  }
  ping.close();
  return n;
}

export function ponger(ping: Chan<number>, pong: Chan<number>): void {
  for (const v of ping) pong.send(v);
}

/** Leaves a goroutine blocked on a channel and hands the channel to the owner. */
export function leaveBlocked(): Chan<number> {
  const ch = chan<number>();
  const done = chan<number>(1);
  go(recvAndReport, ch, done);
  return ch;
}

export function recvAndReport(ch: Chan<number>, _done: Chan<number>): number {
  return ch.recv()!;
}

export function sendTo(ch: Chan<number>, v: number): void {
  ch.send(v);
}

/** gosched lets a queued goroutine have the only cpu slot (GOMAXPROCS 1). */
export function yieldsToQueued(): boolean {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  go(setFlag, flag);
  const end = Date.now() + 10_000;
  while (Atomics.load(flag, 0) === 0 && Date.now() < end) gosched();
  return Atomics.load(flag, 0) === 1;
}

export function setFlag(flag: Int32Array): void {
  Atomics.store(flag, 0, 1);
}

/** Fan-out and fan-in through selects on both sides: producers send each value on
 * whichever of two channels (one unbuffered, one buffered) is ready; consumers take
 * from either. Every value arrives exactly once. */
export function fanInOut(producers: number, consumers: number, per: number): { count: number; sum: number; dup: number } {
  const a = chan<number>();
  const b = chan<number>(4);
  const results = chan<number[]>(consumers);
  const wg = new WaitGroup();
  wg.add(producers);
  for (let p = 0; p < producers; p++) go(selectProducer, a, b, p * per, per, wg);
  for (let c = 0; c < consumers; c++) go(selectConsumer, a, b, results);
  wg.wait();
  a.close();
  b.close();
  const seen = new Set<number>();
  let sum = 0;
  let dup = 0;
  for (let c = 0; c < consumers; c++) {
    for (const v of results.recv()!) {
      if (seen.has(v)) dup++;
      seen.add(v);
      sum += v;
    }
  }
  return { count: seen.size, sum, dup };
}

export function selectProducer(a: Chan<number>, b: Chan<number>, from: number, n: number, wg: WaitGroup): void {
  for (let i = from; i < from + n; i++) select([{ send: a, value: i }, { send: b, value: i }]);
  wg.done();
}

export function selectConsumer(a: Chan<number>, b: Chan<number>, results: Chan<number[]>): void {
  const got: number[] = [];
  let open = 2;
  let ca: Chan<number> | null = a;
  let cb: Chan<number> | null = b;
  while (open > 0) {
    select([
      { recv: ca, do: (v: number | undefined, ok: boolean) => (ok ? got.push(v!) : (ca = null, open--)) },
      { recv: cb, do: (v: number | undefined, ok: boolean) => (ok ? got.push(v!) : (cb = null, open--)) },
    ]);
  }
  results.send(got);
}

export function useForeign(ch: Chan<number>, wg: WaitGroup): string[] {
  const out: string[] = [];
  for (const f of [() => ch.send(1), () => wg.add(1), () => select([{ recv: ch }], { default: () => 0 })]) {
    try {
      f();
      out.push('no error');
    } catch (e) {
      out.push((e as Error).message);
    }
  }
  return out;
}

export function makeHandles(): [Chan<number>, WaitGroup] {
  return [chan<number>(1), new WaitGroup()];
}

/** As in Go, a Once whose function panicked counts as done. */
export function onceThrows(): unknown[] {
  const once = new Once();
  const out: unknown[] = [];
  try {
    once.do(() => {
      throw new Error('first call fails');
    });
  } catch (e) {
    out.push((e as Error).message);
  }
  let ran = false;
  once.do(() => {
    ran = true;
  });
  out.push(ran);
  return out;
}

export function sleepFor(ms: number): number {
  sleep(ms);
  return ms;
}

/** Go's map[chan T]V and a shared buffer as a key: a Map's keys cross as handles and
 * shared buffers too (before, only its values did: a channel key arrived as a plain
 * object without recv, and a SharedArrayBuffer key could not be sent at all). */
export function handlesAsMapKeys(): [number, string, boolean, boolean] {
  const c = chan<Map<unknown, unknown>>(1);
  const k = chan<number>(1);
  const sab = new SharedArrayBuffer(4);
  k.send(7);
  c.send(new Map<unknown, unknown>([[k, 'chan key'], [sab, 'sab key']]));
  const [kk, sk] = [...c.recv()!.keys()] as [Chan<number>, SharedArrayBuffer];
  Atomics.store(new Int32Array(sab), 0, 9);
  return [kk.recv()!, String(c.length), sk instanceof SharedArrayBuffer, Atomics.load(new Int32Array(sk), 0) === 9];
}
