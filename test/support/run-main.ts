// The main module of run-caller.ts.
import { chan, go } from '../../src/runtime/goroutine.js';
import type { Chan } from '../../src/runtime/goroutine.js';

export function twice(ch: Chan<string>, s: string): void {
  ch.send(s + s);
}

export async function main(s: string, n: number): Promise<string[]> {
  const ch = chan<string>(n);
  for (let i = 0; i < n; i++) go(twice, ch, `${s}${i}`);
  return Array.from({ length: n }, () => ch.recv()!).sort();
}
