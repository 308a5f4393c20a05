// Values in flight: how a value crosses from one goroutine to another through the shared
// heap. A value is copied at send (the receiver never sees a later change), as Go copies
// a channel element and as postMessage clones.
//
// An element is three Int32 words [tag, a, b] (in a sudog, a channel's buffer slot or a
// goroutine's argument record):
//   undefined, null, true, false  the tag alone (no allocation, no serializer)
//   a number                     its float64 bits in a and b
//   anything else                a heap block (a = byte offset, b = length) holding the
//                                node:v8 structured-clone bytes; the receiver frees it.
// The primitive fast path matters: a ping-pong of small numbers would otherwise spend
// most of its round trip in the serializer.
//
// Handles (Chan, WaitGroup, Mutex, Once) clone as plain objects with a `__gosched` kind and
// a `ref` (the heap word index of the shared object); on the way out they get their class's
// prototype back (revive), so a channel received on a channel is the same channel.
// SharedArrayBuffers (and typed arrays over one) inside a value are shared, not copied:
// see sab.ts.

import { deserialize } from 'node:v8';
import type { Heap } from './heap.js';
import { reviveShared, serializeShared, type SabRegistry } from './sab.js';
import { classInstanceProblem } from './clone-check.js';

export const E_UNDEFINED = 0;
export const E_BLOCK = 1;
export const E_NUMBER = 2;
export const E_NULL = 3;
export const E_TRUE = 4;
export const E_FALSE = 5;
export const ELEM_WORDS = 3;

/** An encoded value, before it is stored in an element's three words. */
export interface Encoded {
  tag: number;
  a: number;
  b: number;
}

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);

/** The marker a handle's own properties carry through a structured clone. */
export const HANDLE_KEY = '__gosched';
const HANDLE_MARK = Buffer.from(HANDLE_KEY, 'latin1');
const prototypes = new Map<string, object>();

/** Registers the class whose instances are handles of `kind` (chan.ts, sync.ts). */
export function registerHandle(kind: string, proto: object): void {
  prototypes.set(kind, proto);
}

/** Encodes v; a block value is allocated on the heap (the caller owns it until stored). */
export function encode(heap: Heap, sabs: SabRegistry, v: unknown, out: Encoded, what: string): Encoded {
  out.a = 0;
  out.b = 0;
  switch (typeof v) {
    case 'undefined':
      out.tag = E_UNDEFINED;
      return out;
    case 'boolean':
      out.tag = v ? E_TRUE : E_FALSE;
      return out;
    case 'number':
      f64[0] = v;
      out.tag = E_NUMBER;
      out.a = i32[0]!;
      out.b = i32[1]!;
      return out;
    case 'object':
      if (v === null) {
        out.tag = E_NULL;
        return out;
      }
  }
  const problem = classInstanceProblem(v, 'the value');
  if (problem !== null) throw new TypeError(`${what}: ${problem}`);
  let bytes: Uint8Array;
  try {
    bytes = serializeShared(sabs, v);
  } catch (err) {
    throw new TypeError(`${what}: the value cannot be copied to another goroutine: ${(err as Error).message}`);
  }
  const p = heap.alloc(bytes.length);
  heap.bytes.set(bytes, p);
  out.tag = E_BLOCK;
  out.a = p;
  out.b = bytes.length;
  return out;
}

export function store(mem: Int32Array, i: number, e: Encoded): void {
  mem[i] = e.tag;
  mem[i + 1] = e.a;
  mem[i + 2] = e.b;
}

/** Moves the element at `from` to `to` (the block changes owner, nothing is copied). */
export function move(mem: Int32Array, from: number, to: number): void {
  mem[to] = mem[from]!;
  mem[to + 1] = mem[from + 1]!;
  mem[to + 2] = mem[from + 2]!;
  mem[from] = E_UNDEFINED;
}

/** Frees an element that will never be received (its block, if any). */
export function discard(heap: Heap, e: Encoded): void {
  if (e.tag === E_BLOCK) heap.free(e.a);
  e.tag = E_UNDEFINED;
}

/** Copies the element at word i into e (the block, if any, now belongs to e). */
export function load(mem: Int32Array, i: number, e: Encoded): Encoded {
  e.tag = mem[i]!;
  e.a = mem[i + 1]!;
  e.b = mem[i + 2]!;
  mem[i] = E_UNDEFINED;
  return e;
}

/** The receiver's copy of an encoded value; frees its block. */
export function decode(heap: Heap, sabs: SabRegistry, e: Encoded): unknown {
  switch (e.tag) {
    case E_UNDEFINED:
      return undefined;
    case E_NULL:
      return null;
    case E_TRUE:
      return true;
    case E_FALSE:
      return false;
    case E_NUMBER:
      i32[0] = e.a;
      i32[1] = e.b;
      return f64[0];
  }
  const p = e.a;
  e.tag = E_UNDEFINED;
  // The deserializer wants memory of its own: copy out, then free the block at once.
  const bytes = Buffer.from(heap.bytes.subarray(p, p + e.b));
  heap.free(p);
  return decodeBytes(sabs, bytes);
}

export function encoded(): Encoded {
  return { tag: E_UNDEFINED, a: 0, b: 0 };
}

/** Structured-clone bytes to a value, with handles revived and shared buffers restored. */
export function decodeBytes(sabs: SabRegistry, bytes: Buffer): unknown {
  const v: unknown = deserialize(bytes);
  if (bytes.indexOf(HANDLE_MARK) < 0) return v;
  return revive(sabs, v, new Set());
}

/** A value posted to the owning thread (a goroutine's return value) with its handles'
 * prototypes back: a channel a goroutine returns is a Chan there too (its methods then
 * say they need a goroutine), not a plain object without methods. postMessage keeps
 * shared buffers as they are, so there are no markers to swap here. */
export function reviveHandles(v: unknown): unknown {
  return revive(undefined, v, new Set());
}

/** Gives handles their prototypes back and swaps shared-buffer markers for the buffers. */
function revive(sabs: SabRegistry | undefined, v: unknown, seen: Set<object>): unknown {
  if (typeof v !== 'object' || v === null || seen.has(v)) return v;
  seen.add(v);
  const kind = (v as Record<string, unknown>)[HANDLE_KEY];
  if (typeof kind === 'string') {
    if (kind === 'sab') return sabs === undefined ? v : reviveShared(sabs, v as Record<string, unknown>);
    const proto = prototypes.get(kind);
    if (proto !== undefined) Object.setPrototypeOf(v, proto);
    return v;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = revive(sabs, v[i], seen);
  } else if (v instanceof Map) {
    // Keys too (Go's map[chan T]V): a shared-buffer marker is replaced, so the Map is
    // rebuilt, in its order.
    const entries = [...v];
    v.clear();
    for (const [k, x] of entries) v.set(revive(sabs, k, seen), revive(sabs, x, seen));
  } else if (v instanceof Set) {
    const items = [...v];
    v.clear();
    for (const x of items) v.add(revive(sabs, x, seen));
  } else if (Object.getPrototypeOf(v) === Object.prototype) {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = revive(sabs, o[k], seen);
  }
  return v;
}
