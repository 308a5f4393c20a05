// fatal_deadlock_send.go in gosched.
import { chan } from 'gosched';

export function main() {
  const ch = chan();
  console.log('main sends');
  ch.send(1);
}
