// panic_waitgroup_negative.go in gosched.
import { go, select, WaitGroup } from 'gosched';

export function extraDone(wg) {
  wg.done();
  wg.done();
}

export function main() {
  const wg = new WaitGroup();
  wg.add(1);
  console.log('before');
  go(extraDone, wg);
  select([]);
}
