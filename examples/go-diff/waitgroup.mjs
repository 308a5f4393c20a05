// waitgroup.go in gosched.
import { chan, go, WaitGroup } from 'gosched';

export function worker(id, wg, out) {
  out.send(id * id);
  wg.done();
}

export function waiter(gate, id, woke) {
  gate.wait();
  woke.send(id);
}

export function main() {
  const zero = new WaitGroup();
  zero.wait();
  console.log('wait at zero returned');
  const wg = new WaitGroup();
  const out = chan(10);
  for (let i = 1; i <= 10; i++) {
    wg.add(1);
    go(worker, i, wg, out);
  }
  wg.wait();
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += out.recv();
  console.log('all done, sum', sum, 'len', out.length);
  const gate = new WaitGroup();
  gate.add(1);
  const woke = chan(3);
  for (let i = 0; i < 3; i++) go(waiter, gate, i, woke);
  gate.done();
  console.log('waiters woke:', woke.recv() + woke.recv() + woke.recv() === 0 + 1 + 2);
  try {
    new WaitGroup().add(-1);
  } catch (err) {
    console.log('recovered:', err.message);
  }
}
