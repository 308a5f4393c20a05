// close_wakes_sender.go in gosched.
import { go, chan, sleep } from 'gosched';
export function sender(ch) { ch.send(1); }
export function main() {
  const ch = chan();
  go(sender, ch);
  sleep(100);
  console.log('closing with a sender blocked');
  ch.close();
  sleep(500);
  console.log('not reached');
}
