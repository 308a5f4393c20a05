// Blocking and waking goroutines, for chan.ts, select.ts and sync.ts: the runtime's side
// of src/sched's park and ready.
//
// Every started goroutine is wired to its M (its JavaScript stack lives in that worker's
// heap and cannot move to another thread). So a goroutine that parks does not give its
// thread to another goroutine: park leaves grunning, gives up the cpu slot (mcpu--) so
// that a queued goroutine may run on another M, and this M sleeps on its note
// (Atomics.wait in notesleep) until ready hands the goroutine back through mnextg.
// Nothing spins beyond the note's brief spin before it sleeps.

import { G_STATUS, Grunning, park, ready, SchedFatal } from '../sched/index.js';
import { cur, current, type Current } from './context.js';

/** A blocking call needs a running goroutine: not the owner thread, not code running
 * while its goroutine waits for a system call's promise. */
export function running(what: string): Current {
  const c = cur(what);
  if (c.s.mem[c.s.g(c.g, G_STATUS)] !== Grunning) {
    throw new Error(`${what}: this goroutine is inside syscall(); block only outside it`);
  }
  return c;
}

/** Parks the running goroutine with `reason`; `unlockf` drops the lock guarding the
 * queue it waits on, after its status says it waits. Returns once readied. */
export function gopark(c: Current, reason: number, unlockf: () => void): void {
  let next: number;
  try {
    next = park(c.s, c.m, c.g, reason, unlockf);
  } catch (err) {
    fatal(err);
  }
  if (next !== c.g) fatal(new SchedFatal(`park: m${c.m} was handed g${next} while g${c.g} is on its stack`));
}

/** Readies goroutine row g (taken off a wait queue by the caller). */
export function goready(c: Current, g: number): void {
  try {
    ready(c.s, c.m, g);
  } catch (err) {
    fatal(err);
  }
}

/** runtime·throw from the goroutine API: a fatal error the program cannot recover from
 * (a scheduler throw, "sync: unlock of unlocked mutex"). Never returns. */
export function fatal(err: unknown): never {
  const e = err instanceof Error ? err : new Error(String(err));
  current.fatal(e);
}
