// A module whose functions goroutines start with go(fn) without ever having run goroutine
// code from it (so the runtime must find it through V8, not its loaded modules).
import type { Chan } from '../../src/runtime/goroutine.js';

export function helperWorker(ch: Chan<string>, s: string): void {
  ch.send(`helper got ${s}`);
}
