// The visited-state store: an open-addressing hash set of byte vectors, like pan's hash
// table but holding every vector in one growing byte arena, so a million states cost a
// few typed arrays and no JavaScript objects.

export class StateStore {
  private mask: number;
  /** Entry number + 1 per slot; 0 = empty. */
  private slots: Int32Array;
  private hashes: Int32Array;
  private offs: Int32Array;
  private lens: Uint16Array;
  private data: Uint8Array;
  private used = 0;
  count = 0;

  constructor(log2Slots = 20) {
    this.slots = new Int32Array(1 << log2Slots);
    this.mask = (1 << log2Slots) - 1;
    this.hashes = new Int32Array(1 << (log2Slots - 1));
    this.offs = new Int32Array(1 << (log2Slots - 1));
    this.lens = new Uint16Array(1 << (log2Slots - 1));
    this.data = new Uint8Array(1 << 22);
  }

  /** Bytes held, for the memory figure and --memlim. */
  get bytes(): number {
    return this.slots.byteLength + this.hashes.byteLength + this.offs.byteLength + this.lens.byteLength + this.data.byteLength;
  }

  /** Adds S[o, o+len) unless present; returns true when it was new. */
  add(S: Uint8Array, o: number, len: number): boolean {
    const h = hashBytes(S, o, len);
    const slots = this.slots, mask = this.mask, hashes = this.hashes, lens = this.lens, offs = this.offs, data = this.data;
    let i = h & mask;
    for (;;) {
      const e = slots[i]!;
      if (e === 0) break;
      const k = e - 1;
      if (hashes[k] === h && lens[k] === len) {
        const p = offs[k]!;
        let j = 0;
        while (j < len && data[p + j] === S[o + j]) j++;
        if (j === len) return false;
      }
      i = (i + 1) & mask;
    }
    const k = this.count++;
    if (k >= this.hashes.length) this.growEntries();
    if (this.used + len > this.data.length) this.growData(len);
    this.data.set(S.subarray(o, o + len), this.used);
    this.hashes[k] = h; this.offs[k] = this.used; this.lens[k] = len;
    this.used += len;
    slots[i] = k + 1;
    if (this.count * 2 > this.slots.length) this.rehash();
    return true;
  }

  private growEntries(): void {
    const n = this.hashes.length * 2;
    const h = new Int32Array(n); h.set(this.hashes); this.hashes = h;
    const o = new Int32Array(n); o.set(this.offs); this.offs = o;
    const l = new Uint16Array(n); l.set(this.lens); this.lens = l;
  }

  private growData(need: number): void {
    let n = this.data.length * 2;
    while (n < this.used + need) n *= 2;
    if (n > 0x7fffffff) throw new RangeError('state store exceeds 2 GiB');
    const d = new Uint8Array(n); d.set(this.data.subarray(0, this.used)); this.data = d;
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size), mask = size - 1;
    for (let k = 0; k < this.count; k++) {
      let i = this.hashes[k]! & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = k + 1;
    }
    this.slots = slots; this.mask = mask;
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
