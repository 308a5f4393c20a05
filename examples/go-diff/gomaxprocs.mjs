// gomaxprocs.go in gosched.
import { chan, go, GOMAXPROCS, NumGoroutine, WaitGroup } from 'gosched';

export function work(n, wg, out) {
  let s = 0;
  for (let i = 0; i < n; i++) s += i;
  out.send(s);
  wg.done();
}

function round(procs) {
  const wg = new WaitGroup();
  const out = chan(4);
  for (let i = 0; i < 4; i++) {
    wg.add(1);
    go(work, 1000, wg, out);
  }
  wg.wait();
  console.log('4 goroutines done at GOMAXPROCS', procs, 'sum', out.recv() + out.recv() + out.recv() + out.recv());
}

export function main() {
  console.log('from env', GOMAXPROCS(0));
  round(GOMAXPROCS(0));
  console.log('set 3, was', GOMAXPROCS(3));
  console.log('query 0', GOMAXPROCS(0));
  console.log('query -1', GOMAXPROCS(-1));
  round(GOMAXPROCS(0));
  console.log('set 1, was', GOMAXPROCS(1));
  round(GOMAXPROCS(0));
  console.log('set 1 again, was', GOMAXPROCS(1));
  console.log('NumGoroutine', NumGoroutine());
}
