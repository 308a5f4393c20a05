// chan_close.go in gosched.
import { chan, close, go } from 'gosched';

const show = (v) => (v === undefined ? 'zero' : String(v));

function tryIt(what, f) {
  try {
    f();
    console.log(what, 'returns');
  } catch (err) {
    console.log(what, 'panics:', err.message);
  }
}

export function blockedReceiver(ch, out) {
  const [v, ok] = ch.recvOk();
  out.send(`blocked receiver woke: ${show(v)} ${ok}`);
}

export function main() {
  const ch = chan(2);
  ch.send(7);
  ch.send(8);
  ch.close();
  for (let i = 0; i < 4; i++) {
    const [v, ok] = ch.recvOk();
    console.log(show(v), ok, ch.length);
  }
  tryIt('send on closed', () => ch.send(1));
  tryIt('close of closed', () => ch.close());
  const nilch = null;
  tryIt('close of nil', () => close(nilch));
  const un = chan();
  const out = chan();
  go(blockedReceiver, un, out);
  go(blockedReceiver, un, out);
  un.close();
  console.log(out.recv());
  console.log(out.recv());
  for (const v of ch) console.log('range over closed got', v);
  console.log('range over closed and drained ends');
}
