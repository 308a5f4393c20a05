// What a not-yet-started goroutine will run: a module URL, an export name and the
// arguments, stored in the G's row of the spec area of shared memory, so that whichever
// M picks the G up can read it without a message from the thread that created it.
// Arguments are copied with the structured clone algorithm (node:v8's serializer), as
// postMessage would copy them.

import { deserialize, serialize } from 'node:v8';
import { G_SPEC_BYTES, type Sched } from '../sched/index.js';

export interface GoSpec {
  url: string;
  name: string;
  args: unknown[];
}

/** Encodes a spec, or throws an error naming the function and the argument at fault. */
export function encodeSpec(spec: GoSpec): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = serialize([spec.url, spec.name, spec.args]);
  } catch (err) {
    // Find which argument cannot be cloned, for the message.
    const bad = spec.args.findIndex((a) => {
      try {
        serialize(a);
        return false;
      } catch {
        return true;
      }
    });
    const what = bad >= 0 ? `argument ${bad + 1} (${describe(spec.args[bad])})` : 'its arguments';
    throw new TypeError(`go(${spec.name}): ${what} cannot be passed to a goroutine: ${(err as Error).message}`);
  }
  if (bytes.length > G_SPEC_BYTES - 4) {
    throw new RangeError(
      `go(${spec.name}): the module URL, name and arguments take ${bytes.length} bytes; at most ${G_SPEC_BYTES - 4} fit (pass large data through a channel or shared memory)`,
    );
  }
  return bytes;
}

/** Writes an encoded spec into G row g's slot. */
export function writeSpec(s: Sched, g: number, bytes: Uint8Array): void {
  const base = s.layout.specBase + g * G_SPEC_BYTES;
  new DataView(s.buffer).setUint32(base, bytes.length, true);
  s.bytes.set(bytes, base + 4);
}

export function readSpec(s: Sched, g: number): GoSpec {
  const base = s.layout.specBase + g * G_SPEC_BYTES;
  const n = new DataView(s.buffer).getUint32(base, true);
  // deserialize needs a non-shared copy.
  const [url, name, args] = deserialize(Buffer.from(s.bytes.slice(base + 4, base + 4 + n))) as [string, string, unknown[]];
  return { url, name, args };
}

function describe(v: unknown): string {
  if (typeof v === 'function') return `function ${v.name || '(anonymous)'}`;
  if (v === null) return 'null';
  if (typeof v === 'object') return v.constructor?.name ?? 'object';
  return typeof v;
}
