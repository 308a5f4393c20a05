// Temporary folders that gosched's commands work in: a mutant's copy of the build, the
// explorer's instrumented modules, pan's build folders, the benchmarks' files. Each
// command removes its folder when its work ends; what is still here when the process
// ends is removed then, on a normal exit and on a signal (src/commands/children.ts
// calls removeAllScratch before the signal ends the process), so that a command killed
// half way leaves nothing behind in the temporary folder.
// Rejected: leaving them to the system's cleaning of /tmp (a mutant's folder is a copy of
// the build, and a benchmark killed again and again fills the disk first).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const live = new Set<string>();
let hooked = false;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** The guards this file installed, while a folder is live, for a signal no one handles. */
const guards = new Map<NodeJS.Signals, () => void>();

/**
 * A command that starts no children takes a signal's default action (src/cli.ts), which
 * runs no 'exit' handler: while one of its folders exists (the explorer's instrumented
 * modules, for a moment) a signal removes it first, then ends the process by that signal.
 * Removed again once no folder is left, so that a long synchronous search afterwards
 * (explore's) is ended by a signal at once, not once the search is done.
 */
function guardSignals(on: boolean): void {
  if (on) {
    for (const sig of SIGNALS) {
      if (process.listenerCount(sig) > 0) continue; // children.ts's handler removes the folders too
      const guard = () => {
        removeAllScratch();
        guardSignals(false); // the other signals' guards; this one was a once
        process.kill(process.pid, sig);
      };
      guards.set(sig, guard);
      process.once(sig, guard);
    }
  } else {
    for (const [sig, g] of guards) process.removeListener(sig, g);
    guards.clear();
  }
}

/** A new folder in the system's temporary folder, named `prefix` and a random tail. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (live.size === 0) guardSignals(true);
  live.add(dir);
  if (!hooked) {
    hooked = true;
    process.once('exit', removeAllScratch);
  }
  return dir;
}

/** Removes a folder scratchDir made, with everything in it. */
export function removeScratch(dir: string): void {
  live.delete(dir);
  if (live.size === 0) guardSignals(false);
  rmSync(dir, { recursive: true, force: true });
}

/** Removes every folder scratchDir made that is still here (best effort: a child process
 * still writing into one may keep it). */
export function removeAllScratch(): void {
  for (const dir of [...live]) {
    try {
      removeScratch(dir);
    } catch { /* left to the system */ }
  }
}
