// syscall_block.go in gosched: the blocking read is Atomics.wait inside syscall(),
// the write a store and notify.
import { chan, go, syscall } from 'gosched';

export function reader(cell, out) {
  syscall(() => Atomics.wait(cell, 0, 0));
  out.send(`reader got ${Buffer.from(new Uint8Array(cell.buffer, 4, Atomics.load(cell, 0))).toString()}`);
}

export function writer(cell, started, out) {
  started.send(true);
  let s = 0;
  for (let i = 0; i < 1000000; i++) s += i;
  new Uint8Array(cell.buffer, 4, 5).set(Buffer.from('hello'));
  Atomics.store(cell, 0, 5);
  Atomics.notify(cell, 0);
  out.send(`writer ran while the reader was blocked, sum ${s}`);
}

export function main() {
  const cell = new Int32Array(new SharedArrayBuffer(32));
  const out = chan(2);
  const started = chan(1);
  go(reader, cell, out);
  go(writer, cell, started, out);
  started.recv();
  const lines = [out.recv(), out.recv()].sort();
  console.log(lines[0]);
  console.log(lines[1]);
}
