// mutex.go in gosched. Goroutines share memory only through shared buffers, so the
// counter is a SharedArrayBuffer word updated with plain (non-atomic) reads and writes:
// only the Mutex keeps increments from being lost.
import { chan, go, Mutex, WaitGroup } from 'gosched';

export function adder(mu, n, counter, wg) {
  for (let i = 0; i < n; i++) {
    mu.lock();
    counter[0] = counter[0] + 1;
    mu.unlock();
  }
  wg.done();
}

export function main() {
  const mu = new Mutex();
  const wg = new WaitGroup();
  const counter = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < 4; i++) {
    wg.add(1);
    go(adder, mu, 500, counter, wg);
  }
  wg.wait();
  console.log('counter', counter[0]);
  console.log('trylock free', mu.tryLock());
  console.log('trylock held', mu.tryLock());
  mu.unlock();
  console.log('trylock after unlock', mu.tryLock());
  const done = chan();
  go(unlockFor, mu, done);
  done.recv();
  mu.lock();
  console.log('locked again after another goroutine unlocked it');
  mu.unlock();
}

export function unlockFor(mu, done) {
  mu.unlock();
  done.send(true);
}
