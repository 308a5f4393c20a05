// What a goroutine runs: a module URL, an export name and the arguments, written by the
// thread that starts it into a block of the shared heap (GX_ARGS of its G row), so that
// whichever M picks the G up can read it without a message. Arguments are copied with
// the structured clone algorithm (node:v8's serializer), as postMessage would copy them,
// with shared buffers and handles kept shared (codec.ts, sab.ts); any size fits the heap.
//
// The block stays allocated while the goroutine lives: a deadlock or panic report reads
// the function's name from it. Layout: u32 flags, u32 url bytes, u32 name bytes, u32 arg
// bytes, then the three byte strings.

import { decodeBytes } from './codec.js';
import { GX_ARGS, type Heap } from './heap.js';
import { type SabRegistry, serializeShared } from './sab.js';
import { classInstanceProblem } from './clone-check.js';

export interface GoSpec {
  url: string;
  name: string;
  args: unknown[];
  /** Post the return value to the owner (a goroutine the owner started). */
  ret: boolean;
  /** Post only that it returned, not the value (gosched run's main: a Go main returns
   * nothing, so no return value may fail the program by being impossible to copy). */
  discardValue?: boolean;
}

const HDR = 16;
// Flag bits of the header's first word.
const F_RET = 1;
const F_DISCARD = 2;

/** Encodes a spec, or throws an error naming the function and the argument at fault. */
export function encodeSpec(sabs: SabRegistry, spec: GoSpec): Uint8Array {
  if (!Array.isArray(spec.args)) throw new TypeError(`go(${spec.name}): args must be an array, got ${describe(spec.args)}`);
  for (let i = 0; i < spec.args.length; i++) {
    const problem = classInstanceProblem(spec.args[i], `argument ${i + 1}`);
    if (problem !== null) throw new TypeError(`go(${spec.name}): ${problem}`);
  }
  let args: Buffer;
  try {
    args = serializeShared(sabs, spec.args);
  } catch (err) {
    // Find which argument cannot be cloned, for the message.
    const bad = spec.args.findIndex((a) => {
      try {
        serializeShared(sabs, a);
        return false;
      } catch {
        return true;
      }
    });
    const what = bad >= 0 ? `argument ${bad + 1} (${describe(spec.args[bad])})` : 'its arguments';
    throw new TypeError(`go(${spec.name}): ${what} cannot be passed to a goroutine: ${(err as Error).message}`);
  }
  const url = Buffer.from(spec.url);
  const name = Buffer.from(spec.name);
  const out = Buffer.alloc(HDR + url.length + name.length + args.length);
  out.writeUInt32LE((spec.ret ? F_RET : 0) | (spec.discardValue ? F_DISCARD : 0), 0);
  out.writeUInt32LE(url.length, 4);
  out.writeUInt32LE(name.length, 8);
  out.writeUInt32LE(args.length, 12);
  url.copy(out, HDR);
  name.copy(out, HDR + url.length);
  args.copy(out, HDR + url.length + name.length);
  return out;
}

/** Writes an encoded spec into a heap block for G row g (called under schedlock by
 * newproc, before any M can see g). */
export function writeSpec(heap: Heap, g: number, bytes: Uint8Array): void {
  const p = heap.alloc(bytes.length);
  heap.bytes.set(bytes, p);
  heap.mem[heap.gx(g, GX_ARGS)] = p;
}

function header(heap: Heap, g: number): { p: number; flags: number; u: number; n: number; a: number } | null {
  const p = heap.mem[heap.gx(g, GX_ARGS)]!;
  if (p === 0) return null;
  const dv = new DataView(heap.buffer);
  return { p, flags: dv.getUint32(p, true), u: dv.getUint32(p + 4, true), n: dv.getUint32(p + 8, true), a: dv.getUint32(p + 12, true) };
}

/** The function G row g runs, for reports: `name (url)`; '' when unknown. */
export function specName(heap: Heap, g: number): { url: string; name: string } | null {
  const h = header(heap, g);
  if (h === null) return null;
  const b = Buffer.from(heap.bytes.subarray(h.p + HDR, h.p + HDR + h.u + h.n));
  return { url: b.toString('utf8', 0, h.u), name: b.toString('utf8', h.u) };
}

export function readSpec(heap: Heap, sabs: SabRegistry, g: number): GoSpec {
  const h = header(heap, g);
  if (h === null) throw new Error(`goroutine row ${g} has no spec`);
  const fn = specName(heap, g)!;
  const start = h.p + HDR + h.u + h.n;
  const args = decodeBytes(sabs, Buffer.from(heap.bytes.subarray(start, start + h.a))) as unknown[];
  return { url: fn.url, name: fn.name, args, ret: (h.flags & F_RET) !== 0, discardValue: (h.flags & F_DISCARD) !== 0 };
}

/** The goroutine has ended: its spec block goes back to the heap. */
export function freeSpec(heap: Heap, g: number): void {
  const i = heap.gx(g, GX_ARGS);
  const p = heap.mem[i]!;
  heap.mem[i] = 0;
  if (p !== 0) heap.free(p);
}

export function describe(v: unknown): string {
  if (typeof v === 'function') return `function ${v.name || '(anonymous)'}`;
  if (v === null) return 'null';
  if (typeof v === 'object') return v.constructor?.name ?? 'object';
  return typeof v;
}
