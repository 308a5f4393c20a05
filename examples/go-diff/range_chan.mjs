// range_chan.go in gosched.
import { chan, go } from 'gosched';

export function produce(ch, n) {
  for (let i = 0; i < n; i++) ch.send(`v${i}`);
  ch.close();
}

export function main() {
  const ch = chan();
  go(produce, ch, 5);
  for (const v of ch) console.log(v);
  const buf = chan(10);
  go(produce, buf, 7);
  let n = 0;
  for (const _ of buf) n++;
  console.log('buffered range got', n);
}
