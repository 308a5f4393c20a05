// A command stopped by a signal takes its child processes with it. The benchmarks and
// checkers run their work in child processes (a pool per child, pan, go test, the stress
// of a mutant); `kill PID` reaches only gosched itself, and a child left behind ran on
// for minutes as an orphan, still holding the cores the next run measures with. (Ctrl-C
// on a terminal reaches the whole process group; a supervisor's SIGTERM does not.)
//
// Rejected: a registry that every spawn site fills in. The spawns are spread over
// src/bench, src/mutants and src/commands, and a site added later without registering
// would leak again; the process table says what is running, whoever started it.
// Linux reads it from /proc; elsewhere nothing is found and the signal's default stands.
import { readdirSync, readFileSync } from 'node:fs';
import { removeAllScratch } from '../scratch.js';

/** Every process below `root` (children, then theirs), as far as /proc tells. */
export function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'.
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(e), ppid);
    } catch { /* ended meanwhile */ }
  }
  const found: number[] = [];
  const todo = [root];
  while (todo.length > 0) {
    const p = todo.pop()!;
    for (const [pid, ppid] of parentOf) {
      if (ppid === p && !found.includes(pid)) {
        found.push(pid);
        todo.push(pid);
      }
    }
  }
  return found;
}

/** On SIGINT, SIGTERM or SIGHUP: SIGTERM to every descendant, the temporary folders
 * removed (src/scratch.ts), then the signal's own end (the handler is removed and the
 * signal raised again, so the exit status says it). */
export function endChildrenOnSignal(): void {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      for (const pid of descendants(process.pid)) {
        try { process.kill(pid, 'SIGTERM'); } catch { /* already gone */ }
      }
      // A signal's end runs no 'exit' handlers: the temporary folders go now.
      removeAllScratch();
      process.kill(process.pid, sig);
    });
  }
}
