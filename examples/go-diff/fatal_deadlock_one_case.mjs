// fatal_deadlock_one_case.go in gosched. Found by fuzz.mjs: a one-case select was
// reported as "[select]" where Go, which compiles it to a channel operation, names the
// operation.
import { go, chan, select } from 'gosched';

export function sendOne(c) {
  select([{ send: c, value: 1 }]);
}

export function recvOne(c) {
  select([{ recv: c, do: (v, ok) => console.log('received', v, ok) }]);
}

export function sendNil() {
  select([{ send: null, value: 1 }]);
}

export function main() {
  go(sendOne, chan());
  go(recvOne, chan());
  go(sendNil);
  console.log('main selects on one channel');
  select([{ recv: null }]);
}
