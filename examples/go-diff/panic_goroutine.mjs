// panic_goroutine.go in gosched.
import { chan, go, select } from 'gosched';

export function thrower(ready) {
  ready.recv();
  throw new Error('something broke');
}

export function main() {
  const ready = chan();
  go(thrower, ready);
  console.log('main runs');
  ready.send(true);
  select([]);
}
