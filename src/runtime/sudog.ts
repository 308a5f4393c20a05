// Wait records: a sudog says "goroutine g waits here", on the wait queue of a channel
// (its receivers or its senders), a WaitGroup or a Mutex. As in Go, a select puts one
// sudog per case on several queues; the first waker to claim the goroutine's selectDone
// word wins, and the others unlink the stale sudogs they meet.
//
// A sudog lives in the shared heap. Every queue operation happens under the lock of the
// object that owns the queue; a sudog dequeued by a waker belongs to the waker until it
// readies g, then to g again (g cannot wake without being readied: there is no spurious
// wake-up of a parked goroutine).

import { E_UNDEFINED } from './codec.js';
import { GX_SELECTDONE, GX_WAKESG, type Heap } from './heap.js';

export const SG_G = 0; // the G row that waits
export const SG_NEXT = 1;
export const SG_PREV = 2;
export const SG_LINKED = 3; // 1 while on a queue
export const SG_SUCCESS = 4; // 1: the operation completed; 0: woken by close
export const SG_SELECT = 5; // 1 when one of a select's sudogs
export const SG_CASE = 6; // the select case it stands for
export const SG_ELEM = 7; // three words: the element sent, or received (codec.ts)
const SG_WORDS = 10;

// A queue is two words in its owner: head and tail (word indices, 0 = none).
const Q_HEAD = 0;
const Q_TAIL = 1;

/** Sudogs freed on this thread, for reuse without the heap lock. A sudog is acquired and
 * released by the goroutine that waits with it, so on one thread. */
const pool: number[] = [];

export function acquireSudog(heap: Heap, g: number): number {
  const sg = pool.pop() ?? heap.allocWords(SG_WORDS);
  const mem = heap.mem;
  mem[sg + SG_G] = g;
  mem[sg + SG_NEXT] = 0;
  mem[sg + SG_PREV] = 0;
  mem[sg + SG_LINKED] = 0;
  mem[sg + SG_SUCCESS] = 0;
  mem[sg + SG_SELECT] = 0;
  mem[sg + SG_CASE] = 0;
  mem[sg + SG_ELEM] = E_UNDEFINED;
  return sg;
}

export function releaseSudog(heap: Heap, sg: number): void {
  if (pool.length < 64) pool.push(sg);
  else heap.free(sg << 2);
}

export function enqueue(mem: Int32Array, q: number, sg: number): void {
  const tail = mem[q + Q_TAIL]!;
  mem[sg + SG_NEXT] = 0;
  mem[sg + SG_PREV] = tail;
  mem[sg + SG_LINKED] = 1;
  if (tail === 0) mem[q + Q_HEAD] = sg;
  else mem[tail + SG_NEXT] = sg;
  mem[q + Q_TAIL] = sg;
}

/** Puts sg at the head of q (a woken Mutex waiter that lost the race waits first). */
export function enqueueFront(mem: Int32Array, q: number, sg: number): void {
  const head = mem[q + Q_HEAD]!;
  mem[sg + SG_PREV] = 0;
  mem[sg + SG_NEXT] = head;
  mem[sg + SG_LINKED] = 1;
  if (head === 0) mem[q + Q_TAIL] = sg;
  else mem[head + SG_PREV] = sg;
  mem[q + Q_HEAD] = sg;
}

/** Unlinks sg from q if it is still there (a select cleaning up its other cases). */
export function remove(mem: Int32Array, q: number, sg: number): void {
  if (mem[sg + SG_LINKED] === 0) return;
  const next = mem[sg + SG_NEXT]!;
  const prev = mem[sg + SG_PREV]!;
  if (prev === 0) mem[q + Q_HEAD] = next;
  else mem[prev + SG_NEXT] = next;
  if (next === 0) mem[q + Q_TAIL] = prev;
  else mem[next + SG_PREV] = prev;
  mem[sg + SG_LINKED] = 0;
}

/** Takes the first sudog whose goroutine can still be woken through it; NIL-free: 0 when
 * none. A select's sudog counts only if this waker wins its selectDone, and the winner
 * records itself as the one that woke g. */
export function dequeue(heap: Heap, q: number): number {
  const mem = heap.mem;
  for (;;) {
    const sg = mem[q + Q_HEAD]!;
    if (sg === 0) return 0;
    remove(mem, q, sg);
    if (mem[sg + SG_SELECT] !== 0) {
      const g = mem[sg + SG_G]!;
      if (Atomics.compareExchange(mem, heap.gx(g, GX_SELECTDONE), 0, 1) !== 0) continue;
      mem[heap.gx(g, GX_WAKESG)] = sg;
    }
    return sg;
  }
}

/** Whether q has anyone waiting (stale select sudogs included: callers dequeue next). */
export function waiting(mem: Int32Array, q: number): boolean {
  return mem[q + Q_HEAD] !== 0;
}
