// Which scheduler paths a stress run must reach, and the fast-path counts derived from
// the slow-path counters (the fast paths themselves count nothing: see sched/paths.ts).

import { PATHS, type PathName, type Protocol } from '../sched/index.js';

/** Paths a run may legitimately miss, reported but never required: their window is a
 * few instructions wide, or (the CAS retries) they need two threads running on two cores
 * inside the same few nanoseconds, which a loaded two-core machine may not give for
 * seconds. The explorer reaches each of them deterministically (gosched explore). */
const RARE: ReadonlySet<PathName> = new Set<PathName>(['next.lockedg.got', 'stw.casretry', 'enter.casretry', 'exit.casretry']);

/** Paths that exist only in the atomic protocol: under the lock protocol nothing
 * writes the word without schedlock, so no CAS can lose a race. */
const ATOMIC_ONLY: ReadonlySet<PathName> = new Set<PathName>(['enter.casretry', 'exit.casretry', 'stw.casretry']);

export function requiredPaths(protocol: Protocol): PathName[] {
  return PATHS.filter((p) => !RARE.has(p) && (protocol === 'atomic' || !ATOMIC_ONLY.has(p)));
}

export interface PathReport {
  /** Every counter, plus the derived fast paths enter.fast and exit.fast. */
  counts: Record<string, number>;
  missing: string[];
  rare: string[];
}

/** `syscalls` is the number of entersyscall/exitsyscall pairs the goroutines made. */
export function pathReport(protocol: Protocol, counts: Record<PathName, number>, syscalls: number): PathReport {
  const all: Record<string, number> = {};
  // A pair whose entersyscall did not take schedlock took the fast path (atomic); under
  // the lock protocol every entersyscall takes it, and "fast" is exitsyscall's room check.
  all['enter.fast'] = protocol === 'atomic' ? syscalls - counts['enter.slow'] : 0;
  all['exit.fast'] = syscalls - counts['exit.slow'];
  for (const p of PATHS) all[p] = counts[p];
  const missing: string[] = requiredPaths(protocol).filter((p) => counts[p] === 0);
  if (protocol === 'atomic' && all['enter.fast']! <= 0) missing.unshift('enter.fast');
  if (all['exit.fast']! <= 0) missing.unshift('exit.fast');
  return { counts: all, missing, rare: [...RARE] };
}
