// fatal_deadlock_nil.go in gosched: null is the nil channel.
import { select } from 'gosched';

export function main() {
  const a = null;
  const b = null;
  console.log('main selects on nil channels');
  select([{ recv: a }, { send: b, value: 1 }]);
}
