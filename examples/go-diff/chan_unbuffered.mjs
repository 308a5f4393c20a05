// chan_unbuffered.go in gosched.
import { chan, go, select } from 'gosched';

export function receiver(ch, done) {
  for (let i = 0; i < 3; i++) console.log('received', ch.recv());
  done.send(true);
}

export function main() {
  const ch = chan();
  console.log('len', ch.length, 'cap', ch.capacity);
  select([{ send: ch, value: 1, do: () => console.log('sent with nobody receiving') }], { default: () => console.log('send would block') });
  select([{ recv: ch, do: (v) => console.log('received', v, 'with nobody sending') }], { default: () => console.log('receive would block') });
  const done = chan();
  go(receiver, ch, done);
  for (let i = 1; i <= 3; i++) ch.send(i * 10);
  done.recv();
  console.log('len', ch.length, 'cap', ch.capacity);
}
