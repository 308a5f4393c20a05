// panic_send_closed.go in gosched.
import { chan } from 'gosched';

export function main() {
  const ch = chan(1);
  ch.close();
  console.log('before');
  ch.send(1);
  console.log('not reached');
}
