// A program for `gosched run` whose goroutines all block: Go's deadlock report, exit 2.
import { chan, go, type Chan } from '../../src/runtime/goroutine.js';

export function consumer(ch: Chan<number>): void {
  ch.recv();
}

export function main(): void {
  const ch = chan<number>();
  go(consumer, ch);
  chan<number>().recv();
}
