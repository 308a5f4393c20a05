// The visited-state store: an open-addressing hash set of byte vectors, like pan's hash
// table but holding every vector in an arena of fixed-size chunks, so a million states
// cost a few typed arrays and no JavaScript objects. Each slot holds (hash, reference)
// side by side so a probe touches one cache line until the hashes agree; vectors are
// compared and copied a 32-bit word at a time.
//
// Design: the arena was one Int32Array doubled when full. That capped it at 2^29 words
// (V8's largest typed array then), wasted up to half of it, and briefly held old and new
// copies at once, so memory at a given state count ran to 1.76 times pan's. Fixed 64 MiB
// chunks grow one at a time with no copying; a reference is (chunk << 24 | word), so 255
// chunks (16 GiB) are addressable. Only the slot table still doubles, and it is about a
// tenth of the arena for typical vectors.
import { doubledSlotTable } from './slot-table.js';
import { grownFirstChunk } from './arena-chunk.js';
import { MemoryLimitReached, type VisitedStates } from './visited.js';

const CHUNK_BITS = 24;
const CHUNK_WORDS = 1 << CHUNK_BITS;
const MAX_CHUNKS = 255;

export class StateStore implements VisitedStates {
  private mask: number;
  /** Pairs (hash, reference); reference 0 marks an empty slot (word 0 of chunk 0 is never used). */
  private table: Int32Array;
  private chunks: Int32Array[] = [];
  private chunk: Int32Array;
  /** Next free word in the current chunk. */
  private used = 1;
  count = 0;
  /** Hash collisions that needed a full comparison and were different states. */
  conflicts = 0;

  constructor(private readonly limitBytes = Infinity, log2Slots = 16) {
    this.table = new Int32Array(2 << log2Slots);
    this.mask = (1 << log2Slots) - 1;
    // The first chunk starts small and grows by doubling up to a full chunk, so a small
    // model does not pay 64 MiB.
    this.chunk = new Int32Array(1 << 18);
    this.chunks.push(this.chunk);
  }

  /** Bytes held, for the memory figure and --memlim. */
  get bytes(): number {
    let n = this.table.byteLength;
    for (const c of this.chunks) n += c.byteLength;
    return n;
  }

  /**
   * Adds the vector W[o, o+n) (32-bit words; the search pads vectors with zero bytes to
   * whole words) unless present; returns true when it was new.
   */
  add(W: Int32Array, o: number, n: number): boolean {
    const h = vectorHash(W, o, n);
    const table = this.table, mask = this.mask;
    let i = h & mask;
    for (;;) {
      const ref = table[2 * i + 1]!;
      if (ref === 0) break;
      if (table[2 * i] === h) {
        const c = this.chunks[ref >>> CHUNK_BITS]!, at = ref & (CHUNK_WORDS - 1);
        if (c[at] === n) {
          let j = 0;
          while (j < n && c[at + 1 + j] === W[o + j]) j++;
          if (j === n) return false;
        }
        this.conflicts++;
      }
      i = (i + 1) & mask;
    }
    if (this.used + n + 1 > this.chunk.length) this.room(n + 1);
    const d = this.chunk, p = this.used;
    d[p] = n;
    if (n > VectorCopy.LOOP_MAX_WORDS) d.set(W.subarray(o, o + n), p + 1);
    else for (let j = 0; j < n; j++) d[p + 1 + j] = W[o + j]!;
    this.used = p + 1 + n;
    table[2 * i] = h; table[2 * i + 1] = (this.chunks.length - 1) << CHUNK_BITS | p;
    if (++this.count * 2 > mask + 1) this.rehash();
    return true;
  }

  /** Room for `need` more words: the first chunk doubles until full size, then new chunks. */
  private room(need: number): void {
    if (need > CHUNK_WORDS) throw new RangeError(`a state of ${need * 4} bytes does not fit an arena chunk`);
    if (this.chunks.length === 1 && this.chunk.length < CHUNK_WORDS) {
      const n = grownFirstChunk(this.chunk.length, this.used, need, CHUNK_WORDS);
      if (n > 0) {
        this.reserve((n - this.chunk.length) * 4);
        const d = new Int32Array(n); d.set(this.chunk.subarray(0, this.used));
        this.chunk = d; this.chunks[0] = d;
        return;
      }
    }
    if (this.chunks.length >= MAX_CHUNKS) throw new MemoryLimitReached('the state arena is full (16 GiB)');
    this.reserve(CHUNK_WORDS * 4);
    // Reference 0 means an empty slot: chunk 0 never hands out word 0; later chunks may,
    // their references carry a non-zero chunk number.
    this.chunk = new Int32Array(CHUNK_WORDS);
    this.chunks.push(this.chunk);
    this.used = 0;
  }

  private reserve(extra: number): void {
    if (this.bytes + extra > this.limitBytes) throw new MemoryLimitReached('--memlim reached');
  }

  private rehash(): void {
    this.reserve((this.mask + 1) * 2 * 8);
    this.table = doubledSlotTable(this.table, this.mask);
    this.mask = this.mask * 2 + 1;
  }

  reportLines(): string[] {
    return [`hash conflicts: ${String(this.conflicts).padStart(9)} (resolved)`];
  }
}

/** How the checker copies a vector: of more than LOOP_MAX_WORDS words by copyWithin or
 * set() on a view (a memmove behind one call, about 40-50 ns whatever the length), of
 * fewer by a loop (about 2 ns a word; 600-800 ns for 330 words, measured with Node 20 on
 * the build machine). A const enum, so that tsc writes the number into the hot loops
 * (search.ts, liveness.ts), not a load from this module's context. */
export const enum VectorCopy { LOOP_MAX_WORDS = 16 }

/**
 * The hash of the exact stores (this one and the liveness store), where it only spreads
 * states over the slot table: four murmur3-style lanes over words 4i, 4i+1, 4i+2, 4i+3,
 * folded together and mixed at the end. Each lane's chain (xor, rotate, multiply-add) is
 * independent of the others', so the processor runs the four side by side; one chain over
 * every word (hashWords) took about 2.5 ns a word, most of a large vector's lookup.
 * Not for the stores whose counts depend on the hash (hash compaction and bitstate keep
 * hashWords, whose collisions their reports and tests describe).
 */
export function vectorHash(W: Int32Array, o: number, n: number): number {
  let a = 0x9747b28c ^ n, b = 0x85ebca6b, c = 0xc2b2ae35, d = 0x27d4eb2f;
  let i = o;
  for (const end4 = o + (n & ~3); i < end4; i += 4) {
    let k = Math.imul(W[i]!, 0xcc9e2d51); k = k << 15 | k >>> 17; k = Math.imul(k, 0x1b873593);
    a ^= k; a = a << 13 | a >>> 19; a = (Math.imul(a, 5) + 0xe6546b64) | 0;
    k = Math.imul(W[i + 1]!, 0xcc9e2d51); k = k << 15 | k >>> 17; k = Math.imul(k, 0x1b873593);
    b ^= k; b = b << 13 | b >>> 19; b = (Math.imul(b, 5) + 0xe6546b64) | 0;
    k = Math.imul(W[i + 2]!, 0xcc9e2d51); k = k << 15 | k >>> 17; k = Math.imul(k, 0x1b873593);
    c ^= k; c = c << 13 | c >>> 19; c = (Math.imul(c, 5) + 0xe6546b64) | 0;
    k = Math.imul(W[i + 3]!, 0xcc9e2d51); k = k << 15 | k >>> 17; k = Math.imul(k, 0x1b873593);
    d ^= k; d = d << 13 | d >>> 19; d = (Math.imul(d, 5) + 0xe6546b64) | 0;
  }
  for (const end = o + n; i < end; i++) {
    let k = Math.imul(W[i]!, 0xcc9e2d51); k = k << 15 | k >>> 17; k = Math.imul(k, 0x1b873593);
    a ^= k; a = a << 13 | a >>> 19; a = (Math.imul(a, 5) + 0xe6546b64) | 0;
  }
  // Fold the lanes in order (each rotated apart, so that moving a word between lanes
  // changes the result), then murmur3's finaliser.
  let h = a;
  h = Math.imul(h ^ (b << 7 | b >>> 25), 0x85ebca6b);
  h = Math.imul(h ^ (c << 17 | c >>> 15), 0xc2b2ae35);
  h = Math.imul(h ^ (d << 23 | d >>> 9), 0x27d4eb2f);
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
  return h;
}

/** Murmur3-style 32-bit hash of a range of 32-bit words; distinct seeds give independent hashes. */
export function hashWords(W: Int32Array, o: number, n: number, seed: number): number {
  let h = seed ^ n;
  for (let i = o, end = o + n; i < end; i++) {
    let k = W[i]!;
    k = Math.imul(k, 0xcc9e2d51); k = k << 15 | k >>> 17; k = Math.imul(k, 0x1b873593);
    h ^= k; h = h << 13 | h >>> 19; h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
  return h;
}
