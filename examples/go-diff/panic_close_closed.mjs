// panic_close_closed.go in gosched.
import { chan, go, select } from 'gosched';

export function closer(ch) {
  ch.close();
}

export function main() {
  const ch = chan();
  ch.close();
  console.log('before');
  go(closer, ch);
  select([]);
}
