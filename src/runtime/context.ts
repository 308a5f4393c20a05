// The goroutine a worker thread is running right now: set by the M loop (m-worker.ts),
// read by the goroutine API (goroutine.ts). One M runs one goroutine at a time.

import { NIL, type Sched, type SyscallFn } from '../sched/index.js';

export interface Current {
  s: Sched;
  m: number;
  g: number;
  entersyscall: SyscallFn;
  exitsyscall: SyscallFn;
}

let current: Current | undefined;

export function setCurrent(c: Current | undefined): void {
  current = c;
}

/** The running goroutine's context; throws when called outside a goroutine. */
export function cur(what: string): Current {
  const c = current;
  if (c === undefined || c.g === NIL) {
    throw new Error(`${what} called outside a goroutine (only code started with go() may call it)`);
  }
  return c;
}
