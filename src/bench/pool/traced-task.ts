// The task of `gosched bench pool --placement`: workload (b)'s goroutine (goroutines.ts)
// with a trace of its phases and of the cpu (core) its computation ran on, written into a
// SharedArrayBuffer the owner reads after the batch.
//
// The core is read from /proc/thread-self/stat (field 39, `processor`: the core the thread
// last ran on), before and after the computation; a thread that moved between the two
// reads counts as migrated. About 20 microseconds a read, twice a task, outside the
// computation. Where /proc is not there (not Linux) both read -1 and nothing is counted.

import { readFileSync } from 'node:fs';
import { syscall } from '../../runtime/goroutine.js';
import { block, spin } from './work.js';

/** Float64 slots per task in the trace buffer. */
export const TRACE_SLOTS = 6;
/** Slot indices: when the goroutine started, came back from its block, began and ended
 * its computation (ms since the epoch: timeOrigin + now, comparable across threads; the
 * computation begins once exitsyscall has given a cpu slot back); the core just before
 * and just after the computation. */
export const T_START = 0;
export const T_RETURNED = 1;
export const T_CPU = 2;
export const T_END = 3;
export const T_CORE_FROM = 4;
export const T_CORE_TO = 5;

const now = () => performance.timeOrigin + performance.now();

/** The core this thread last ran on, or -1 where /proc does not say. */
export function currentCore(): number {
  try {
    const st = readFileSync('/proc/thread-self/stat', 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3.
    const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
    const core = Number(f[39 - 3]);
    return Number.isInteger(core) ? core : -1;
  } catch {
    return -1;
  }
}

export function tracedTask(trace: SharedArrayBuffer, i: number, blockMs: number, iters: number): number {
  const t = new Float64Array(trace, i * TRACE_SLOTS * 8, TRACE_SLOTS);
  t[T_START] = now();
  if (blockMs > 0) syscall(() => { block(blockMs); t[T_RETURNED] = now(); });
  else t[T_RETURNED] = now();
  t[T_CORE_FROM] = currentCore();
  t[T_CPU] = now();
  const h = spin(iters);
  t[T_END] = now();
  t[T_CORE_TO] = currentCore();
  return h;
}
