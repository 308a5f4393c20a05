// The visited-state store: an open-addressing hash set of byte vectors, like pan's hash
// table but holding every vector in one growing arena, so a million states cost a few
// typed arrays and no JavaScript objects. Each slot holds (hash, offset) side by side so a
// probe touches one cache line until the hashes agree; vectors are compared and copied a
// 32-bit word at a time.

export class StateStore {
  private mask: number;
  /** Pairs (hash, arena offset + 1); offset 0 marks an empty slot. */
  private table: Int32Array;
  /** The arena, in 32-bit words: each vector as (length in words, words...). */
  private data: Int32Array;
  private used = 0;
  count = 0;

  constructor(log2Slots = 20) {
    this.table = new Int32Array(2 << log2Slots);
    this.mask = (1 << log2Slots) - 1;
    this.data = new Int32Array(1 << 20);
  }

  /** Bytes held, for the memory figure and --memlim. */
  get bytes(): number { return this.table.byteLength + this.data.byteLength; }

  /**
   * Adds the vector W[o, o+n) (32-bit words; the search pads vectors with zero bytes to
   * whole words) unless present; returns true when it was new.
   */
  add(W: Int32Array, o: number, n: number): boolean {
    const h = hashWords(W, o, n);
    const table = this.table, mask = this.mask, data = this.data;
    let i = h & mask;
    for (;;) {
      const at = table[2 * i + 1]!;
      if (at === 0) break;
      if (table[2 * i] === h && data[at - 1] === n) {
        let j = 0;
        while (j < n && data[at + j] === W[o + j]) j++;
        if (j === n) return false;
      }
      i = (i + 1) & mask;
    }
    if (this.used + n + 1 > data.length) this.growData(n + 1);
    const d = this.data, p = this.used;
    d[p] = n;
    for (let j = 0; j < n; j++) d[p + 1 + j] = W[o + j]!;
    this.used = p + 1 + n;
    table[2 * i] = h; table[2 * i + 1] = p + 1;
    if (++this.count * 2 > mask + 1) this.rehash();
    return true;
  }

  private growData(need: number): void {
    let n = this.data.length * 2;
    while (n < this.used + need) n *= 2;
    if (n > 0x1fffffff) throw new RangeError('state store exceeds 2 GiB');
    const d = new Int32Array(n); d.set(this.data.subarray(0, this.used)); this.data = d;
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

/** Murmur3-style 32-bit hash of a range of 32-bit words. */
export function hashWords(W: Int32Array, o: number, n: number): number {
  let h = 0x9747b28c ^ n;
  for (let i = o, end = o + n; i < end; i++) {
    let k = W[i]!;
    k = Math.imul(k, 0xcc9e2d51); k = k << 15 | k >>> 17; k = Math.imul(k, 0x1b873593);
    h ^= k; h = h << 13 | h >>> 19; h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
  return h;
}
