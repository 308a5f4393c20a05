// chan_buffered.go in gosched.
import { chan, go, select } from 'gosched';

export function fill(ch, from, n, done) {
  for (let i = from; i < from + n; i++) ch.send(i);
  done.send(true);
}

export function main() {
  const ch = chan(3);
  for (let i = 1; i <= 5; i++) {
    select([{ send: ch, value: i, do: () => console.log('buffered', i, 'len', ch.length, 'cap', ch.capacity) }],
      { default: () => console.log('full at', i, 'len', ch.length) });
  }
  while (ch.length > 0) {
    const v = ch.recv();
    console.log('got', v, 'len', ch.length);
  }
  const done = chan();
  go(fill, ch, 100, 8, done);
  let sum = 0;
  let order = true;
  let prev = 99;
  for (let i = 0; i < 8; i++) {
    const v = ch.recv();
    if (v !== prev + 1) order = false;
    prev = v;
    sum += v;
  }
  done.recv();
  console.log('sum', sum, 'in order', order, 'len', ch.length);
}
