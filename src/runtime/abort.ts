// AbortSignal for a goroutine started from the owning thread: abort before the goroutine
// starts takes it off the run queue (it never runs); after it starts, abort does nothing,
// since a goroutine's JavaScript cannot be stopped from outside without ending its thread.

import { NIL, type Sched, cancelrunnable } from '../sched/index.js';

export interface GoOptions {
  /** Aborting it before the goroutine starts removes the goroutine from the run queue. */
  signal?: AbortSignal | undefined;
  /** @internal gosched run's main: `result` resolves with undefined, the return value is
   * not copied (a symbol key: not an option users see or misspell). */
  [DISCARD_VALUE]?: boolean;
}

/** @internal See GoOptions. */
export const DISCARD_VALUE: unique symbol = Symbol('gosched.discardValue');

/** Watches `signal` for goroutine goid (G row g). If the abort removes it, `release(g)`
 * runs under schedlock before its row is freed, then `cancelled(reason)`. Returns a
 * function that stops watching (call it when the goroutine's outcome is known). */
export function watchAbort(
  s: Sched, g: number, goid: number, signal: AbortSignal,
  release: (g: number) => void, cancelled: (reason: unknown) => void,
): () => void {
  const onAbort = () => {
    if (cancelrunnable(s, NIL, g, goid, release)) cancelled(signal.reason);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}
