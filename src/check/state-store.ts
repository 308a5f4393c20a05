// The visited-state store: an open-addressing hash set of byte vectors, like pan's hash
// table but holding every vector in one growing byte arena, so a million states cost a
// few typed arrays and no JavaScript objects. Each slot holds (hash, offset) side by side
// so a probe touches one cache line until the hashes agree; the arena keeps each vector
// behind a two-byte length.

export class StateStore {
  private mask: number;
  /** Pairs (hash, arena offset + 1); offset 0 marks an empty slot. */
  private table: Int32Array;
  private data: Uint8Array;
  private used = 0;
  count = 0;

  constructor(log2Slots = 20) {
    this.table = new Int32Array(2 << log2Slots);
    this.mask = (1 << log2Slots) - 1;
    this.data = new Uint8Array(1 << 22);
  }

  /** Bytes held, for the memory figure and --memlim. */
  get bytes(): number { return this.table.byteLength + this.data.byteLength; }

  /** Adds S[o, o+len) unless present; returns true when it was new. */
  add(S: Uint8Array, o: number, len: number): boolean {
    const h = hashBytes(S, o, len);
    const table = this.table, mask = this.mask, data = this.data;
    let i = h & mask;
    for (;;) {
      const at = table[2 * i + 1]!;
      if (at === 0) break;
      if (table[2 * i] === h) {
        const p = at - 1;
        if ((data[p]! | data[p + 1]! << 8) === len) {
          let j = 0;
          const q = p + 2;
          while (j < len && data[q + j] === S[o + j]) j++;
          if (j === len) return false;
        }
      }
      i = (i + 1) & mask;
    }
    if (this.used + len + 2 > data.length) this.growData(len + 2);
    const d = this.data, p = this.used;
    d[p] = len & 255; d[p + 1] = len >> 8;
    for (let j = 0; j < len; j++) d[p + 2 + j] = S[o + j]!;
    this.used = p + 2 + len;
    table[2 * i] = h; table[2 * i + 1] = p + 1;
    if (++this.count * 2 > mask + 1) this.rehash();
    return true;
  }

  private growData(need: number): void {
    let n = this.data.length * 2;
    while (n < this.used + need) n *= 2;
    if (n > 0x7fffffff) throw new RangeError('state store exceeds 2 GiB');
    const d = new Uint8Array(n); d.set(this.data.subarray(0, this.used)); this.data = d;
  }

  private rehash(): void {
    const old = this.table;
    const size = (this.mask + 1) * 2, mask = size - 1;
    const table = new Int32Array(2 * size);
    for (let k = 0; k < old.length; k += 2) {
      const at = old[k + 1]!;
      if (at === 0) continue;
      const h = old[k]!;
      let i = h & mask;
      while (table[2 * i + 1] !== 0) i = (i + 1) & mask;
      table[2 * i] = h; table[2 * i + 1] = at;
    }
    this.table = table; this.mask = mask;
  }
}

/** Murmur3-style 32-bit hash of a byte range, 4 bytes at a time. */
export function hashBytes(S: Uint8Array, o: number, len: number): number {
  let h = 0x9747b28c ^ len;
  let i = o;
  const end4 = o + (len & ~3);
  while (i < end4) {
    let k = S[i]! | S[i + 1]! << 8 | S[i + 2]! << 16 | S[i + 3]! << 24;
    k = Math.imul(k, 0xcc9e2d51); k = k << 15 | k >>> 17; k = Math.imul(k, 0x1b873593);
    h ^= k; h = h << 13 | h >>> 19; h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    i += 4;
  }
  const rest = len & 3;
  if (rest) {
    let k = S[i]!;
    if (rest > 1) k ^= S[i + 1]! << 8;
    if (rest > 2) k ^= S[i + 2]! << 16;
    k = Math.imul(k, 0xcc9e2d51); k = k << 15 | k >>> 17; k = Math.imul(k, 0x1b873593); h ^= k;
  }
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
  return h;
}
