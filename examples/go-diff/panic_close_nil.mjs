// panic_close_nil.go in gosched: null is gosched's nil channel.
import { close } from 'gosched';

export function main() {
  const ch = null;
  console.log('before');
  close(ch);
}
