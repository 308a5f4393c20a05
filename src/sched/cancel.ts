// Taking a goroutine that never started off the run queue (not in the commit: Go has no
// way to cancel a goroutine; a Node owner that gives an AbortSignal expects one, as
// worker pools cancel a queued task).

import { gfput } from './queue.js';
import {
  G_GOID, G_LOCKEDM, G_M, G_SCHEDLINK, G_STATUS, Gdead, Grunnable, NIL, S_ATOMIC, S_GCOUNT, S_GHEAD,
  S_GTAIL, S_GWAIT,
} from './layout.js';
import type { Sched } from './sched.js';
import { schedlock, schedunlock } from './schedlock.js';
import { GWAITING_BIT } from './word.js';

/**
 * Removes goroutine `goid` (G row g) from the run queue if it is still there and has
 * never run, and frees its row. Reports whether it did; false means the goroutine has
 * started (or was handed to an M already, or has ended) and will run to its end.
 * Takes schedlock. Keeps gwait and the atomic gwaiting bit in step, as gget does, so
 * invariant 1 (no g's waiting while mcpu < mcpumax) cannot be broken by the removal.
 * `release(g)` runs with schedlock held before the row is freed (as newproc's init runs
 * before the row is used): whatever the runtime keeps per row goes with it, and no
 * newproc can hand the row out again meanwhile.
 */
export function cancelrunnable(s: Sched, m: number, g: number, goid: number, release: (g: number) => void = () => {}): boolean {
  const mem = s.mem;
  schedlock(s, m);
  try {
    // A started g is wired to its M (lockedm) for good; an unstarted one is not.
    if (mem[s.g(g, G_GOID)] !== goid || mem[s.g(g, G_STATUS)] !== Grunnable || mem[s.g(g, G_LOCKEDM)] !== NIL || mem[s.g(g, G_M)] !== NIL) {
      return false;
    }
    let prev = NIL;
    let cur = mem[S_GHEAD]!;
    while (cur !== NIL && cur !== g) {
      prev = cur;
      cur = mem[s.g(cur, G_SCHEDLINK)]!;
    }
    if (cur === NIL) return false; // gget took it for an M already (m->nextg)
    const next = mem[s.g(g, G_SCHEDLINK)]!;
    if (prev === NIL) mem[S_GHEAD] = next;
    else mem[s.g(prev, G_SCHEDLINK)] = next;
    if (mem[S_GTAIL] === g) mem[S_GTAIL] = prev;
    if (--mem[S_GWAIT]! === 0) Atomics.add(mem, S_ATOMIC, GWAITING_BIT);
    mem[s.g(g, G_STATUS)] = Gdead;
    release(g);
    gfput(s, g);
    if (--mem[S_GCOUNT]! === 0) s.hooks.exit?.();
    return true;
  } finally {
    schedunlock(s);
  }
}
