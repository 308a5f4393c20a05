// Goroutine bodies of `gosched bench runtime`: each runs its operation n times inside
// the Runtime and returns the nanoseconds that took, measured on its own thread (so
// thread start-up and the owner's messages are not counted).
import { chan, go, gosched, Mutex, WaitGroup, type Chan } from '../runtime/goroutine.js';

const now = () => process.hrtime.bigint();

/** go plus completion of an empty goroutine: go, then wait for it to finish. After the
 * first round the child finds an idle M (M's are never freed). */
export function goWait(n: number): number {
  goWaitOnce(); // the first child starts an M's thread; later ones find it idle
  const t = now();
  for (let i = 0; i < n; i++) {
    const wg = new WaitGroup();
    wg.add(1);
    go(empty, wg);
    wg.wait();
  }
  return Number(now() - t);
}

function goWaitOnce(): void {
  const wg = new WaitGroup();
  wg.add(1);
  go(empty, wg);
  wg.wait();
}

export function empty(wg: WaitGroup): void {
  wg.done();
}

/** Unbuffered ping-pong: one round trip is a send and a receive each way. */
export function pingPong(n: number): number {
  const ping = chan<number>();
  const pong = chan<number>();
  go(ponger, ping, pong);
  ping.send(-1); // the ponger is started and running
  pong.recv();
  const t = now();
  for (let i = 0; i < n; i++) {
    ping.send(i);
    pong.recv();
  }
  const ns = Number(now() - t);
  ping.close();
  return ns;
}

export function ponger(ping: Chan<number>, pong: Chan<number>): void {
  for (const v of ping) pong.send(v);
}

/** Buffered throughput: a producer sends n values through chan(cap); per value received. */
export function buffered(n: number, cap: number, object: boolean): number {
  const ch = chan<unknown>(cap);
  const done = chan<number>();
  go(consume, ch, done);
  ch.send(-1); // the consumer's thread is started before the clock
  while (ch.length > 0) gosched();
  const t = now();
  for (let i = 0; i < n; i++) ch.send(object ? { i, name: 'item' } : i);
  ch.close();
  done.recv();
  return Number(now() - t);
}

export function consume(ch: Chan<unknown>, done: Chan<number>): void {
  let k = -1;
  for (const _ of ch) k++;
  done.send(k);
}

/** A contended Mutex: `goroutines` goroutines each lock and unlock n/goroutines times. */
export function mutex(n: number, goroutines: number): number {
  const mu = new Mutex();
  const wg = new WaitGroup();
  const per = Math.max(1, Math.floor(n / goroutines));
  const start = chan<number>();
  const ready = new WaitGroup();
  ready.add(goroutines);
  wg.add(goroutines);
  for (let i = 0; i < goroutines; i++) go(locker, mu, wg, per, start, ready);
  ready.wait(); // every locker's thread is started before the clock
  const t = now();
  start.close();
  wg.wait();
  return Number(now() - t);
}

export function locker(mu: Mutex, wg: WaitGroup, per: number, start: Chan<number>, ready: WaitGroup): void {
  ready.done();
  start.recv();
  for (let i = 0; i < per; i++) {
    mu.lock();
    mu.unlock();
  }
  wg.done();
}
