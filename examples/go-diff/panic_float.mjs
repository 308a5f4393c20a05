// panic_float.go in gosched: a thrown number that is not an integer is shown as Go shows
// a float64 (JavaScript has one number type; an integer is shown as Go's int).
import { chan, go, select } from 'gosched';

export function thrower(ready, x) {
  ready.recv();
  throw x / 8;
}

export function main() {
  const ready = chan();
  go(thrower, ready, 3);
  console.log('main waits');
  ready.send(true);
  select([]);
}
