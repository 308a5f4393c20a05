// Path counters: how often each slow path, each branch of the scheduler and each
// wake-up ran, so that a stress run can show it reached every one of them.
//
// Only slow paths count. A fast path (entersyscall/exitsyscall's single CAS) stays
// exactly as the commit wrote it: its count is derived by the caller as calls minus
// slow-path entries. Rejected: counting fast paths too (one more atomic add on the
// hottest line in the benchmark), and a separate instrumented build (two builds to keep
// in step, and the stress would then test a build nobody ships).
//
// The counters live in their own region of the shared memory (layout.ts pathBase),
// after everything the protocol reads, so a tool that compares scheduler states (the
// explorer) can leave them out.

import { PATH_REGION_WORDS } from './layout.js';
import type { Sched } from './sched.js';

export const PATHS = [
  'enter.slow', // entersyscall took schedlock (atomic: the CAS fast path declined; lock: always)
  'enter.slow.matchmg', // ... and g's were waiting: matchmg gives them the freed cpu
  'enter.slow.wakestop', // ... and it was the last M stoptheworld waited for
  'enter.casretry', // entersyscall's CAS lost a race and retried
  'exit.slow', // exitsyscall found no cpu slot (or a profile rate to apply): gosched
  'exit.slow.profilehz', // ... because the M's profiling rate was stale
  'exit.casretry', // exitsyscall's CAS lost a race and retried
  'next.handed', // nextgandunlock found m->nextg already set
  'next.lockedg.matchmg', // a wired M with g's waiting started others for them
  'next.lockedg.got', // ... and was handed its own g by that matchmg
  'next.queue.wired', // a queued g was wired to another M: handed to it
  'next.queue.run', // a queued g runs on this M
  'next.sleep', // the M sleeps on havenextg (idle, or waiting for its wired g)
  'next.wakestop', // nextgandunlock woke stoptheworld
  'matchmg.newm', // matchmg created an M (a new thread)
  'matchmg.idlem', // matchmg woke an idle M
  'matchmg.lockedm', // matchmg handed a g to the M it is wired to
  'gput.wired', // gput handed a wired g straight to its M
  'gput.queued', // gput queued g
  'gput.gwaiting', // ... and set gwaiting (the queue was empty)
  'stw.sleep', // stoptheworld slept until the others stopped
  'stw.casretry', // stoptheworld's predicated CAS failed and it retested
  'gomaxprocs.gcwaiting', // GOMAXPROCS called while the world is being stopped
  'gomaxprocs.gosched', // GOMAXPROCS lowered below mcpu: the caller gives up its cpu
  'gomaxprocs.matchmg', // GOMAXPROCS raised or kept: matchmg for the new slots
  'sched.requeue', // schedule put a running g back on the queue (gosched)
  'sched.exit', // schedule retired a finished g
  'sched.readyonstop', // schedule readied a g that asked for it when it stopped
  'ready.onstop', // ready found g still on its M: ready it when it stops
  'mcpumax.lowered', // twice per lowering of mcpumax, before and after (a generation: odd while in progress)
] as const;
export type PathName = (typeof PATHS)[number];
if (PATHS.length > PATH_REGION_WORDS) throw new Error('more path counters than PATH_REGION_WORDS');

/** Index of each path's counter within the path region. */
export const P = Object.fromEntries(PATHS.map((n, i) => [n, i])) as Record<PathName, number>;

/** Counts one pass through path `p` (an index of PATHS). Slow paths only. */
export function countPath(s: Sched, p: number): void {
  Atomics.add(s.mem, s.pathBase + p, 1);
}

/** Every counter now, by name. */
export function pathCounts(s: Sched): Record<PathName, number> {
  const out = {} as Record<PathName, number>;
  PATHS.forEach((n, i) => { out[n] = Atomics.load(s.mem, s.pathBase + i); });
  return out;
}
