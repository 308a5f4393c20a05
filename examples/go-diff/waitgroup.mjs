// waitgroup.go in gosched.
import { chan, go, WaitGroup } from 'gosched';

export function worker(id, wg, out) {
  out.send(id * id);
  wg.done();
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
  try {
    new WaitGroup().add(-1);
  } catch (err) {
    console.log('recovered:', err.message);
  }
}
