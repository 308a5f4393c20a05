// Reading the scheduler's state from outside: counters for reports, and samples of the
// commit's two monitor invariants.

import {
  S_ATOMIC, S_GCOUNT, S_GCWAITING, S_GOMAXPROCS, S_GRUNNING, S_GWAIT, S_LOCK, S_LOCKGEN,
  S_MCOUNT, S_MFRESH, S_MWAIT, S_PREDAWN,
} from './layout.js';
import type { Sched } from './sched.js';
import { atomicGwaiting, atomicMcpu, atomicMcpumax, atomicWaitstop } from './word.js';

export interface SchedCounters {
  mcpu: number;
  mcpumax: number;
  waitstop: number;
  gwaiting: number;
  gwait: number;
  gcount: number;
  grunning: number;
  mwait: number;
  mcount: number;
  /** M's whose thread has not entered the scheduler yet (handoff.ts, mstealfresh); at
   * rest none holds a g, and with the idle ones they make up mcount. */
  mfresh: number;
  lock: number;
  gomaxprocs: number;
  gcwaiting: number;
  predawn: number;
}

/** The counters as they are now (not a consistent snapshot unless the scheduler is
 * quiescent or the caller holds schedlock). */
export function counters(s: Sched): SchedCounters {
  const mem = s.mem;
  const v = Atomics.load(mem, S_ATOMIC);
  return {
    mcpu: atomicMcpu(v),
    mcpumax: atomicMcpumax(v),
    waitstop: atomicWaitstop(v),
    gwaiting: atomicGwaiting(v),
    gwait: Atomics.load(mem, S_GWAIT),
    gcount: Atomics.load(mem, S_GCOUNT),
    grunning: Atomics.load(mem, S_GRUNNING),
    mwait: Atomics.load(mem, S_MWAIT),
    mcount: Atomics.load(mem, S_MCOUNT),
    mfresh: Atomics.load(mem, S_MFRESH),
    lock: Atomics.load(mem, S_LOCK),
    gomaxprocs: Atomics.load(mem, S_GOMAXPROCS),
    gcwaiting: Atomics.load(mem, S_GCWAITING),
    predawn: Atomics.load(mem, S_PREDAWN),
  };
}

/** One sample of the monitor's invariants, or null when the state could not be read
 * while nobody held schedlock. */
export interface InvariantSample {
  /** gwait > 0 && mcpu < mcpumax: g's waiting with procs available. */
  waitingWithProcsFree: boolean;
  /** waitstop && mcpu <= mcpumax: gc waiting for a stop that has already happened. */
  waitstopAfterStop: boolean;
}

/**
 * Samples the two invariants of the commit's monitor process, which holds them only
 * in states where nobody holds schedlock (`!sched_lock && ...` in proc.p). The sample
 * counts only if the lock was free and no new hold began between the first and the
 * last read (the lock generation did not move): then gwait, which changes only under
 * the lock, is consistent with the word, which is read in one atomic load.
 */
export function sampleInvariants(s: Sched): InvariantSample | null {
  const mem = s.mem;
  const gen = Atomics.load(mem, S_LOCKGEN);
  if (Atomics.load(mem, S_LOCK) !== 0) return null;
  const gwait = Atomics.load(mem, S_GWAIT);
  const v = Atomics.load(mem, S_ATOMIC);
  if (Atomics.load(mem, S_LOCK) !== 0 || Atomics.load(mem, S_LOCKGEN) !== gen) return null;
  const mcpu = atomicMcpu(v);
  const mcpumax = atomicMcpumax(v);
  return {
    waitingWithProcsFree: gwait > 0 && mcpu < mcpumax,
    waitstopAfterStop: atomicWaitstop(v) === 1 && mcpu <= mcpumax,
  };
}
