// select_cases.go in gosched.
import { chan, select } from 'gosched';

export function main() {
  const a = chan(1);
  const b = chan(1);
  select([
    { recv: a, do: (v) => console.log('a', v) },
    { recv: b, do: (v) => console.log('b', v) },
  ], { default: () => console.log('nothing ready: default') });

  const counts = [0, 0];
  for (let i = 0; i < 400; i++) {
    a.send(1);
    b.send(2);
    select([
      { recv: a, do: () => { counts[0]++; b.recv(); } },
      { recv: b, do: () => { counts[1]++; a.recv(); } },
    ]);
  }
  console.log('two ready receives, both chosen:', counts[0] > 0 && counts[1] > 0, 'total', counts[0] + counts[1]);

  const sendRecv = [0, 0];
  for (let i = 0; i < 400; i++) {
    b.send(3);
    select([
      { send: a, value: 4, do: () => { sendRecv[0]++; a.recv(); b.recv(); } },
      { recv: b, do: () => { sendRecv[1]++; } },
    ]);
  }
  console.log('ready send and receive, both chosen:', sendRecv[0] > 0 && sendRecv[1] > 0, 'total', sendRecv[0] + sendRecv[1]);

  const closed = chan();
  closed.close();
  select([{ recv: closed, do: (v, ok) => console.log('closed case chosen over default: zero', v === undefined, 'ok', ok) }],
    { default: () => console.log('default') });

  const off = null;
  let chosen = 0;
  for (let i = 0; i < 100; i++) {
    a.send(5);
    select([
      { recv: off, do: () => console.log('nil channel chosen') },
      { send: off, value: 1, do: () => console.log('nil channel chosen') },
      { recv: a, do: () => { chosen++; } },
    ]);
  }
  console.log('nil cases never chosen, the live one', chosen, 'times');
  select([{ recv: off, do: () => console.log('nil chosen') }], { default: () => console.log('only nil cases: default') });
}
