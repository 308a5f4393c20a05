// A program for `gosched run` that returns from main while another goroutine is still
// running: the process ends at once, as Go's does.
import { go, sleep } from '../../src/runtime/goroutine.js';

export function forever(): void {
  for (;;) sleep(1000);
}

export function main(args: string[]): void {
  go(forever);
  console.log(`main done ${args.join(',')}`);
}
