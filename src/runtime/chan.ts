// Channels: Go's chan on the shared heap, usable from every goroutine of a Runtime.
//
// A channel is a record of words in the shared heap; a Chan object is only its handle
// (the record's word index), so it can be passed to go() and sent on channels and still
// name the same channel everywhere (codec.ts revives it on the other side).
//
// The algorithm is Go's (chan.go): under the channel's lock, a send first hands its value
// straight to a waiting receiver, else puts it in the buffer if there is room, else
// parks on the senders' queue; a receive mirrors it. Wake-ups happen after the channel
// lock is dropped, so schedlock is never taken while a channel lock is held (the lock
// order is: channel locks, in increasing address order for select; then schedlock).
//
// A goroutine that blocks here parks (park.ts): every started goroutine is wired to its M
// (its JavaScript stack cannot leave the worker), so its M does not run another goroutine
// meanwhile but gives its cpu slot up and sleeps on its note in Atomics.wait until the
// goroutine is readied.

import { lock, unlock } from '../sched/index.js';
import { HANDLE_KEY, ELEM_WORDS, type Encoded, decode, discard, encode, encoded, load, registerHandle, store } from './codec.js';
import { cur } from './context.js';
import { showValue } from './show-value.js';
import { checkHome, type Heap } from './heap.js';
import { acquireSudog, dequeue, enqueue, releaseSudog, SG_ELEM, SG_G, SG_SUCCESS } from './sudog.js';
import { gopark, goready, running } from './park.js';
import { WR_CHAN_RECEIVE, WR_CHAN_SEND } from './waitreason.js';

// Record words.
export const C_LOCK = 0;
export const C_CLOSED = 1;
export const C_CAP = 2;
export const C_COUNT = 3;
export const C_SENDX = 4;
export const C_RECVX = 5;
export const C_RECVQ = 6; // two words: head, tail
export const C_SENDQ = 8;
export const C_BUF = 10; // word index of the ring: C_CAP elements of ELEM_WORDS words
const C_WORDS = 12;

/** Go's `panic(plainError("send on closed channel"))` and friends. */
export function chanPanic(msg: string): Error {
  return new Error(msg);
}

export class Chan<T = unknown> implements Iterable<T> {
  /** Handle marker (see codec.ts): survives a structured clone, unlike the prototype. */
  readonly [HANDLE_KEY] = 'chan';
  /** Word index of the channel's record in the shared heap. */
  readonly ref: number;
  /** The id of the heap the record is in (its Runtime's). */
  readonly rt: number;

  /** @internal Use chan(). */
  constructor(ref: number, rt: number) {
    this.ref = ref;
    this.rt = rt;
  }

  /** The buffer's size, as Go's cap(ch). */
  get capacity(): number {
    const heap = cur('capacity').heap;
    checkHome(heap, this, 'capacity');
    return heap.mem[this.ref + C_CAP]!;
  }

  /** Values in the buffer now, as Go's len(ch). */
  get length(): number {
    const heap = cur('length').heap;
    checkHome(heap, this, 'length');
    return Atomics.load(heap.mem, this.ref + C_COUNT);
  }

  /** Sends v (a structured-clone copy of it); blocks until a receiver takes it or the
   * buffer has room. Panics "send on closed channel". */
  send(v: T): void {
    const c = running('send');
    const heap = c.heap;
    checkHome(heap, this, 'send');
    const mem = heap.mem;
    const ch = this.ref;
    const e = encode(heap, c.sabs, v, sendEnc, 'send');
    lock(mem, ch + C_LOCK);
    if (mem[ch + C_CLOSED] !== 0) {
      unlock(mem, ch + C_LOCK);
      discard(heap, e);
      throw chanPanic('send on closed channel');
    }
    const r = sendLocked(heap, ch, e);
    if (r !== BLOCKED) {
      unlock(mem, ch + C_LOCK);
      if (r >= 0) goready(c, r);
      return;
    }
    const sg = acquireSudog(heap, c.g);
    store(mem, sg + SG_ELEM, e);
    enqueue(mem, ch + C_SENDQ, sg);
    gopark(c, WR_CHAN_SEND, () => unlock(mem, ch + C_LOCK));
    const ok = mem[sg + SG_SUCCESS] !== 0;
    if (!ok) discard(heap, load(mem, sg + SG_ELEM, sendEnc));
    releaseSudog(heap, sg);
    if (!ok) throw chanPanic('send on closed channel');
  }

  /** Receives a value; blocks until one is sent. Returns undefined once the channel is
   * closed and drained (use recvOk to tell that from a sent undefined). */
  recv(): T | undefined {
    return this.recvOk()[0];
  }

  /** Receives [value, true], or [undefined, false] once closed and drained. */
  recvOk(): [T | undefined, boolean] {
    const c = running('recv');
    const heap = c.heap;
    checkHome(heap, this, 'recv');
    const mem = heap.mem;
    const ch = this.ref;
    const e = encoded();
    lock(mem, ch + C_LOCK);
    const r = recvLocked(heap, ch, e);
    if (r !== BLOCKED) {
      unlock(mem, ch + C_LOCK);
      if (r >= 0) goready(c, r);
      return r === CLOSED ? [undefined, false] : [decode(heap, c.sabs, e) as T, true];
    }
    const sg = acquireSudog(heap, c.g);
    enqueue(mem, ch + C_RECVQ, sg);
    gopark(c, WR_CHAN_RECEIVE, () => unlock(mem, ch + C_LOCK));
    const ok = mem[sg + SG_SUCCESS] !== 0;
    if (ok) load(mem, sg + SG_ELEM, e);
    releaseSudog(heap, sg);
    return ok ? [decode(heap, c.sabs, e) as T, true] : [undefined, false];
  }

  /** Closes the channel: receivers drain the buffer, then get undefined; blocked senders
   * panic. Panics "close of closed channel". */
  close(): void {
    const c = running('close');
    const heap = c.heap;
    checkHome(heap, this, 'close');
    const mem = heap.mem;
    const ch = this.ref;
    lock(mem, ch + C_LOCK);
    if (mem[ch + C_CLOSED] !== 0) {
      unlock(mem, ch + C_LOCK);
      throw chanPanic('close of closed channel');
    }
    mem[ch + C_CLOSED] = 1;
    const woken: number[] = [];
    for (let sg; (sg = dequeue(heap, ch + C_RECVQ)) !== 0; ) {
      mem[sg + SG_SUCCESS] = 0;
      woken.push(mem[sg + SG_G]!);
    }
    // Senders keep their element: each frees it when it wakes and panics.
    for (let sg; (sg = dequeue(heap, ch + C_SENDQ)) !== 0; ) {
      mem[sg + SG_SUCCESS] = 0;
      woken.push(mem[sg + SG_G]!);
    }
    unlock(mem, ch + C_LOCK);
    for (const g of woken) goready(c, g);
  }

  /** `for (const v of ch)`: receives until the channel is closed and drained. */
  *[Symbol.iterator](): Iterator<T> {
    for (;;) {
      const [v, ok] = this.recvOk();
      if (!ok) return;
      yield v as T;
    }
  }
}
registerHandle('chan', Chan.prototype);

const sendEnc = encoded();

/** Creates a channel: unbuffered (a rendezvous) when capacity is 0, else buffered. */
export function chan<T = unknown>(capacity = 0): Chan<T> {
  if (!Number.isInteger(capacity) || capacity < 0 || capacity > 1 << 24) {
    throw new RangeError(`chan: capacity must be an integer from 0 to ${1 << 24}, got ${showValue(capacity)}`);
  }
  const heap = cur('chan').heap;
  const ch = heap.allocWords(C_WORDS);
  heap.mem[ch + C_CAP] = capacity;
  if (capacity > 0) heap.mem[ch + C_BUF] = heap.allocWords(capacity * ELEM_WORDS);
  return new Chan<T>(ch, heap.id);
}

/** Go's close(ch), for a channel that may be null: panics "close of nil channel". */
export function close(ch: Chan | null | undefined): void {
  if (ch == null) throw chanPanic('close of nil channel');
  if (!(ch instanceof Chan)) throw new TypeError(`close: ch must be a channel (from chan()) or null, got ${showValue(ch)}`);
  ch.close();
}

// Outcomes of the non-blocking parts below, besides a goroutine row to ready.
export const BLOCKED = -1; // nothing could be done: the caller parks or gives up
export const DONE = -2; // done through the buffer: nobody to wake
export const CLOSED = -3; // a receive found the channel closed and drained

/**
 * The non-blocking part of a send, with the channel locked and open: hands e to a
 * waiting receiver (returns its G row, to ready once the lock is dropped), or buffers it
 * (DONE), or BLOCKED. Never drops the lock: select holds several.
 */
export function sendLocked(heap: Heap, ch: number, e: Encoded): number {
  const mem = heap.mem;
  const sg = dequeue(heap, ch + C_RECVQ);
  if (sg !== 0) {
    store(mem, sg + SG_ELEM, e);
    mem[sg + SG_SUCCESS] = 1;
    return mem[sg + SG_G]!;
  }
  const cap = mem[ch + C_CAP]!;
  const count = mem[ch + C_COUNT]!;
  if (count < cap) {
    const x = mem[ch + C_SENDX]!;
    store(mem, mem[ch + C_BUF]! + x * ELEM_WORDS, e);
    mem[ch + C_SENDX] = x + 1 === cap ? 0 : x + 1;
    Atomics.store(mem, ch + C_COUNT, count + 1);
    return DONE;
  }
  return BLOCKED;
}

/**
 * The non-blocking part of a receive, with the channel locked: takes a value into e from
 * a waiting sender (returns its G row) or the buffer (DONE); or finds the channel closed
 * and drained (CLOSED); or BLOCKED. Never drops the lock.
 */
export function recvLocked(heap: Heap, ch: number, e: Encoded): number {
  const mem = heap.mem;
  const sg = dequeue(heap, ch + C_SENDQ);
  if (sg !== 0) {
    const cap = mem[ch + C_CAP]!;
    if (cap === 0) {
      load(mem, sg + SG_ELEM, e);
    } else {
      // The buffer is full: take its head, and the sender's value takes the tail's place
      // (the same slot, the ring being full).
      const x = mem[ch + C_RECVX]!;
      const slot = mem[ch + C_BUF]! + x * ELEM_WORDS;
      load(mem, slot, e);
      load(mem, sg + SG_ELEM, tmp);
      store(mem, slot, tmp);
      const nx = x + 1 === cap ? 0 : x + 1;
      mem[ch + C_RECVX] = nx;
      mem[ch + C_SENDX] = nx;
    }
    mem[sg + SG_SUCCESS] = 1;
    return mem[sg + SG_G]!;
  }
  const count = mem[ch + C_COUNT]!;
  if (count > 0) {
    const cap = mem[ch + C_CAP]!;
    const x = mem[ch + C_RECVX]!;
    load(mem, mem[ch + C_BUF]! + x * ELEM_WORDS, e);
    mem[ch + C_RECVX] = x + 1 === cap ? 0 : x + 1;
    Atomics.store(mem, ch + C_COUNT, count - 1);
    return DONE;
  }
  return mem[ch + C_CLOSED] !== 0 ? CLOSED : BLOCKED;
}
const tmp = encoded();
