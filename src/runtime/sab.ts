// SharedArrayBuffers inside go() arguments and channel values are shared, as postMessage
// shares them, not copied. node:v8's serializer cannot carry one (its deserializer has no
// way to receive a shared buffer), and the bytes of a value live in the shared heap, read
// by a thread that was blocked in Atomics.wait and could not take a message. So:
//
//   - the sender replaces each buffer (or typed array over one) by a marker with a
//     Runtime-wide id, taken from a shared counter the first time this thread meets it;
//   - a new id is announced to the owning thread, which forwards the buffer itself to
//     every M over a MessagePort of its own and bumps H_SABGEN;
//   - a receiver that meets an id it does not know drains its port synchronously
//     (receiveMessageOnPort needs no event loop) and, if the owner has not forwarded it
//     yet, waits on H_SABGEN (Atomics.wait, no spinning).
//
// Buffers stay registered for the Runtime's life (each costs a map entry per thread);
// values with no shared buffer take the plain path, with no walk.

import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { DefaultSerializer } from 'node:v8';
import { H_SABGEN, H_SABID, type Heap } from './heap.js';

export interface SabRegistry {
  idOf(sab: SharedArrayBuffer): number;
  get(id: number): SharedArrayBuffer;
}

/** What the owner forwards to each M: a buffer and its id. */
export interface SabMessage {
  id: number;
  sab: SharedArrayBuffer;
}

/** How long a receiver waits for the owner to forward a buffer before giving up. */
const FORWARD_TIMEOUT_MS = 30_000;

export class ThreadSabs implements SabRegistry {
  private readonly byId = new Map<number, SharedArrayBuffer>();
  private readonly ids = new WeakMap<SharedArrayBuffer, number>();

  /** `announce` tells the owner of a new id; `port` is where the owner forwards buffers
   * (absent on the owner itself). */
  constructor(
    private readonly heap: Heap,
    private readonly announce: (m: SabMessage) => void,
    private readonly port?: MessagePort,
    known: SabMessage[] = [],
  ) {
    for (const k of known) this.add(k);
  }

  add(k: SabMessage): void {
    this.byId.set(k.id, k.sab);
    this.ids.set(k.sab, k.id);
  }

  idOf(sab: SharedArrayBuffer): number {
    let id = this.ids.get(sab);
    if (id === undefined) {
      id = Atomics.add(this.heap.mem, H_SABID, 1);
      this.add({ id, sab });
      this.announce({ id, sab });
    }
    return id;
  }

  get(id: number): SharedArrayBuffer {
    const deadline = Date.now() + FORWARD_TIMEOUT_MS;
    for (;;) {
      const gen = Atomics.load(this.heap.mem, H_SABGEN);
      let msg;
      while (this.port && (msg = receiveMessageOnPort(this.port)) !== undefined) this.add(msg.message as SabMessage);
      const sab = this.byId.get(id);
      if (sab !== undefined) return sab;
      if (this.port === undefined || Date.now() > deadline) {
        throw new Error(`gosched: shared buffer #${id} never reached this thread (is the owning thread blocked?)`);
      }
      Atomics.wait(this.heap.mem, H_SABGEN, gen, 100);
    }
  }
}

/** Structured-clone bytes of v; shared buffers inside become markers (see above). */
export function serializeShared(sabs: SabRegistry, v: unknown): Buffer {
  try {
    return serialize(v);
  } catch (err) {
    if (err !== SHARED_VIEW && !/SharedArrayBuffer/.test((err as Error).message)) throw err;
  }
  return serialize(replaceShared(sabs, v, new Map()));
}

const SHARED_VIEW = new Error('a typed array over a SharedArrayBuffer');

/** node:v8's default serializer copies a typed array's bytes even when its buffer is
 * shared; this one stops there, so that serializeShared takes the sharing path. */
class Serializer extends DefaultSerializer {
  _writeHostObject(obj: object): void {
    if (ArrayBuffer.isView(obj) && obj.buffer instanceof SharedArrayBuffer) throw SHARED_VIEW;
    (DefaultSerializer.prototype as unknown as { _writeHostObject(o: object): void })._writeHostObject.call(this, obj);
  }
}

function serialize(v: unknown): Buffer {
  const s = new Serializer();
  s.writeHeader();
  s.writeValue(v);
  return s.releaseBuffer();
}

const VIEWS: Record<string, new (b: SharedArrayBuffer, off: number, len: number) => ArrayBufferView> = {
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array, DataView: DataView as never,
};

function replaceShared(sabs: SabRegistry, v: unknown, seen: Map<object, unknown>): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (seen.has(v)) return seen.get(v);
  if (v instanceof SharedArrayBuffer) return { __gosched: 'sab', ref: sabs.idOf(v) };
  if (ArrayBuffer.isView(v)) {
    if (!(v.buffer instanceof SharedArrayBuffer)) return v;
    const view = v.constructor.name;
    const len = v instanceof DataView ? v.byteLength : (v as unknown as { length: number }).length;
    return { __gosched: 'sab', ref: sabs.idOf(v.buffer), view, off: v.byteOffset, len };
  }
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    seen.set(v, out);
    for (const x of v) out.push(replaceShared(sabs, x, seen));
    return out;
  }
  if (v instanceof Map) {
    const out = new Map();
    seen.set(v, out);
    // Keys too: a buffer may be a key as well as a value (Go's map[chan T]V has handles there).
    for (const [k, x] of v) out.set(replaceShared(sabs, k, seen), replaceShared(sabs, x, seen));
    return out;
  }
  if (v instanceof Set) {
    const out = new Set();
    seen.set(v, out);
    for (const x of v) out.add(replaceShared(sabs, x, seen));
    return out;
  }
  const out: Record<string, unknown> = {};
  seen.set(v, out);
  for (const k of Object.keys(v)) out[k] = replaceShared(sabs, (v as Record<string, unknown>)[k], seen);
  return out;
}

/** A marker back to the shared buffer (or the view over it) it stood for. */
export function reviveShared(sabs: SabRegistry, mark: Record<string, unknown>): unknown {
  const sab = sabs.get(mark.ref as number);
  if (typeof mark.view !== 'string') return sab;
  const View = VIEWS[mark.view];
  if (View === undefined) throw new Error(`gosched: unknown view ${mark.view} over a shared buffer`);
  return new View(sab, mark.off as number, mark.len as number);
}
