// fifo_blocked.go in gosched.
import { go, chan, sleep } from 'gosched';
export function sender(ch, started, i) { started.send(true); ch.send(i); }
export function receiver(ch, started, out, i) { started.send(true); const v = ch.recv(); out.send(`receiver ${i} got ${v}`); }
export function main() {
  const ch = chan(), started = chan(1);
  for (let i = 1; i <= 4; i++) { go(sender, ch, started, i); started.recv(); sleep(100); }
  for (let i = 0; i < 4; i++) console.log('blocked sender served:', ch.recv());
  const out = chan();
  for (let i = 1; i <= 4; i++) { go(receiver, ch, started, out, i); started.recv(); sleep(100); }
  for (let i = 1; i <= 4; i++) { ch.send(i * 10); console.log(out.recv()); }
}
