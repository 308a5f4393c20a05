// select_send_closed.go in gosched.
import { chan, select } from 'gosched';
export function main() {
  const ch = chan(1), other = chan();
  ch.close();
  console.log('select send on closed');
  select([{ send: ch, value: 1, do: () => console.log('sent') }, { recv: other, do: () => console.log('other') }]);
}
