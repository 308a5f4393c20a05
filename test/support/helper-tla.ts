// A module with top-level await that exports a function under another name than its own:
// its exports cannot be read synchronously (require() refuses a module with top-level
// await), so go(fn) falls back to fn's own name and the new goroutine says why it missed.
import type { Chan } from '../../src/runtime/goroutine.js';

function renamedTla(ch: Chan<string>): void {
  ch.send('renamed');
}
export { renamedTla as tlaAliased };

await Promise.resolve();
