// A module whose functions goroutines start with go(fn) without ever having run goroutine
// code from it (so the runtime must find it through V8, not its loaded modules).
import type { Chan } from '../../src/runtime/goroutine.js';

export function helperWorker(ch: Chan<string>, s: string): void {
  ch.send(`helper got ${s}`);
}

function renamed(ch: Chan<string>): void {
  ch.send('renamed');
}
/** Exported under another name than its own: go(aliasedWorker) finds that name among its
 * module's exports (before k19a it looked for 'renamed' and the goroutine panicked). */
export { renamed as aliasedWorker };
