// The shared heap: one SharedArrayBuffer per Runtime, beside the scheduler's, that holds
// everything goroutines share through the goroutine API: channels, WaitGroups, Mutexes,
// Onces, the wait records (sudogs) of blocked goroutines, the bytes of values in flight
// on channels, and the arguments of goroutines not yet started.
//
// Why one fixed-size buffer, allocated with a simple allocator, and not something else:
// - Every M already has it (it travels in workerData), so a handle to an object in it is
//   just an offset: it survives the structured clone of go() arguments and channel
//   values, and every thread sees the same object.
// - A goroutine blocked on a channel holds its thread in Atomics.wait, so its event loop
//   cannot receive a postMessage; values must be readable from shared memory the moment
//   the goroutine is woken. (A MessagePort per pair of M's read with receiveMessageOnPort
//   would work, but needs M*M ports set up through the owner.)
// - Rejected: a growable SharedArrayBuffer. Atomics on its length-tracking views measured
//   about 3x slower than on a fixed buffer (Node 20), on every channel operation. A large
//   fixed buffer costs nothing until touched (its pages are mapped lazily), so the default
//   reserves DEFAULT_HEAP_BYTES and only what is used becomes resident.
//
// Allocator: power-of-two size classes, one free list per class, a bump pointer for fresh
// memory, all under one futex lock (src/sched/lock.ts). Blocks never coalesce: at most
// half of a block is wasted, and a value's block returns to its class when received.

import { lock, unlock } from '../sched/index.js';

export const DEFAULT_HEAP_BYTES = 256 * 1024 * 1024;

// Header words.
const H_LOCK = 0;
const H_BUMP = 1; // byte offset of the first never-allocated byte
const H_INUSE = 2; // bytes in allocated blocks (for reports)
export const H_SABID = 3; // next id for a SharedArrayBuffer met in a value (codec.ts)
export const H_SABGEN = 4; // bumped by the owner each time it has forwarded one
const H_MAXG = 5;
const H_ID = 6; // this heap's id: handles carry it, so one from another Runtime is refused
const H_FREE = 8; // free list heads, one per class
const CLASSES = 27; // 16 B .. 1 GiB
const HEADER_WORDS = H_FREE + CLASSES + 5;

/** Words per goroutine of per-G runtime state (see gext below). */
export const GEXT_STRIDE = 4;
/** select: 0 while a select's sudogs wait, set to 1 by the one waker that wins. */
export const GX_SELECTDONE = 0;
/** The sudog whose operation completed and woke this G (0 when woken by close). */
export const GX_WAKESG = 1;
/** Where this G's arguments are (a heap block), for go(). */
export const GX_ARGS = 2;

const BLOCK_HEADER = 8;

/** Bytes at the start of a heap that hold no blocks: its header and maxg rows of per-G state. */
export function heapReservedBytes(maxg: number): number {
  return (HEADER_WORDS + maxg * GEXT_STRIDE) * 4 + 8;
}
/** The least room for blocks a Runtime's heap must keep besides that (checked in options.ts:
 * a heap whose per-G rows fill it has no room for a single channel). */
export const HEAP_MIN_ROOM = 1 << 16;
let nextId = Math.floor(Math.random() * 2 ** 30);

export class Heap {
  readonly mem: Int32Array;
  readonly bytes: Uint8Array;
  readonly gextBase: number;
  /** Carried by every handle to an object in this heap. */
  readonly id: number;

  private constructor(readonly buffer: SharedArrayBuffer) {
    this.mem = new Int32Array(buffer);
    this.bytes = new Uint8Array(buffer);
    this.gextBase = HEADER_WORDS;
    this.id = this.mem[H_ID]!;
  }

  static create(bytes: number, maxg: number): Heap {
    if (!Number.isInteger(bytes) || bytes < 1 << 16 || bytes > 2 ** 31 - 8) {
      throw new RangeError(`heapBytes must be an integer from 65536 to ${2 ** 31 - 8}, got ${bytes}`);
    }
    const buffer = new SharedArrayBuffer(bytes & ~7);
    new Int32Array(buffer)[H_ID] = (nextId = (nextId + 1) | 0) || 1;
    const h = new Heap(buffer);
    h.mem[H_MAXG] = maxg;
    h.mem[H_BUMP] = heapReservedBytes(maxg);
    return h;
  }

  static attach(buffer: SharedArrayBuffer): Heap {
    return new Heap(buffer);
  }

  /** Int32 index of per-G field f of G row g. */
  gx(g: number, f: number): number {
    return this.gextBase + g * GEXT_STRIDE + f;
  }

  get inUse(): number {
    return Atomics.load(this.mem, H_INUSE);
  }

  get capacity(): number {
    return this.buffer.byteLength;
  }

  /** Allocates a block of at least n bytes; returns its byte offset (8-aligned). Its
   * contents are whatever the last user left: callers initialise what they read. */
  alloc(n: number): number {
    const cls = classOf(n);
    const size = 16 * 2 ** cls;
    const mem = this.mem;
    lock(mem, H_LOCK);
    let b = mem[H_FREE + cls]!;
    if (b !== 0) {
      mem[H_FREE + cls] = mem[(b >> 2) + 1]!;
    } else {
      b = mem[H_BUMP]!;
      if (b + size > this.buffer.byteLength) {
        unlock(mem, H_LOCK);
        throw new RangeError(
          `gosched: out of shared heap: ${n} bytes wanted, ${mem[H_INUSE]} of ${this.buffer.byteLength} in use ` +
            `(raise the Runtime's heapBytes, or GOSCHED_HEAP_MB for gosched run)`,
        );
      }
      mem[H_BUMP] = b + size;
    }
    mem[b >> 2] = cls;
    mem[H_INUSE] = mem[H_INUSE]! + size;
    unlock(mem, H_LOCK);
    return b + BLOCK_HEADER;
  }

  /** Returns a block from alloc to its class's free list. */
  free(p: number): void {
    const b = p - BLOCK_HEADER;
    const mem = this.mem;
    const cls = mem[b >> 2]!;
    if (cls < 0 || cls >= CLASSES) throw new Error(`gosched heap: free of a bad block at ${p}`);
    lock(mem, H_LOCK);
    mem[(b >> 2) + 1] = mem[H_FREE + cls]!;
    mem[H_FREE + cls] = b;
    mem[b >> 2] = -1;
    mem[H_INUSE] = mem[H_INUSE]! - 16 * 2 ** cls;
    unlock(mem, H_LOCK);
  }

  /** Allocates n zeroed Int32 words; returns the index of the first. */
  allocWords(n: number): number {
    const p = this.alloc(n * 4) >> 2;
    this.mem.fill(0, p, p + n);
    return p;
  }
}

function classOf(n: number): number {
  const need = n + BLOCK_HEADER;
  let cls = 0;
  while (16 * 2 ** cls < need) cls++;
  if (cls >= CLASSES) throw new RangeError(`gosched heap: ${n} bytes is more than one block can hold`);
  return cls;
}

/** Refuses a handle made by another Runtime: its ref would index the wrong heap. */
export function checkHome(heap: Heap, h: { rt: number; ref: number }, what: string): void {
  if (h.rt !== heap.id) {
    throw new Error(`${what}: this object belongs to another Runtime (handles cannot move between Runtimes)`);
  }
}
