// AbortSignal for a goroutine started from the owning thread: abort before the goroutine
// starts takes it off the run queue (it never runs); after it starts, abort does nothing,
// since a goroutine's JavaScript cannot be stopped from outside without ending its thread.

import { NIL, type Sched, cancelrunnable } from '../sched/index.js';

export interface GoOptions {
  /** Aborting it before the goroutine starts removes the goroutine from the run queue. */
  signal?: AbortSignal;
}

/** Watches `signal` for goroutine goid (G row g). `cancelled` runs if the abort removed
 * it. Returns a function that stops watching (call it when the goroutine has ended). */
export function watchAbort(s: Sched, g: number, goid: number, signal: AbortSignal, cancelled: (reason: unknown) => void = () => {}): () => void {
  const onAbort = () => {
    if (cancelrunnable(s, NIL, g, goid)) cancelled(signal.reason);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}
