// fatal_deadlock.go in gosched.
import { chan, go, Mutex, select, WaitGroup } from 'gosched';

export function waitOn(wg) {
  wg.wait();
}

export function sendTo(ch) {
  ch.send(1);
}

export function lockTwice(mu) {
  mu.lock();
  mu.lock();
}

export function selectTwo(a, b) {
  select([{ recv: a }, { send: b, value: 1 }]);
}

export function main() {
  const wg = new WaitGroup();
  wg.add(1);
  const mu = new Mutex();
  go(waitOn, wg);
  go(sendTo, chan());
  go(lockTwice, mu);
  go(selectTwo, chan(), chan());
  console.log('main blocks');
  chan().recv();
}
