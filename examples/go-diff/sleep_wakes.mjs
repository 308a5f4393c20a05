// sleep_wakes.go in gosched.
import { chan, go, sleep } from 'gosched';

export function sleeper(ms, out) {
  sleep(ms);
  out.send(ms);
}

export function main() {
  const out = chan();
  go(sleeper, 300, out);
  go(sleeper, 20, out);
  const a = out.recv();
  const b = out.recv();
  console.log('both awake, after', a + b, 'ms of sleep in all');
}
