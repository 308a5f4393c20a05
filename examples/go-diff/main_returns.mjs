// main_returns.go in gosched.
import { chan, go, sleep } from 'gosched';

export function blocked(ch) {
  ch.recv();
}

export function sleeper() {
  for (;;) sleep(1000);
}

export function signal(done) {
  done.send(true);
}

export function main() {
  go(blocked, chan());
  go(sleeper);
  const done = chan();
  go(signal, done);
  done.recv();
  console.log('main returns');
}
