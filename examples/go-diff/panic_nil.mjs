// panic_nil.go in gosched: a thrown null is Go's panic(nil).
import { go, chan, select } from 'gosched';

export function fail(ready) {
  ready.recv();
  throw null;
}

export function main() {
  const ready = chan();
  go(fail, ready);
  console.log('before');
  ready.send(true);
  select([]);
}
