// A program for `gosched run` whose goroutine throws while main is blocked: Go's panic
// report, exit 2, no thread left running.
import { chan, go, sleep } from '../../src/runtime/goroutine.js';

export function thrower(): void {
  sleep(20);
  throw new Error('something broke');
}

export function spinner(): void {
  for (;;) sleep(1000);
}

export function main(): void {
  go(spinner);
  go(thrower);
  chan<number>().recv();
}
