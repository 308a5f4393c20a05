// The visited-state store of the liveness search, holding what pan's hash table holds for
// -a and -l besides each vector: which searches have visited it (the first or the nested
// one, with or without the fairness flag: four bits), for -f which fairness counter values
// each search saw it with, which searches have it on their stack now (tags), and the depth
// it was first stored at (where a cycle found by meeting a state on the stack starts).
//
// The fairness map: pan keeps it in NFAIR bytes of the state (its compile-time -DNFAIR,
// 2 by default, and refuses a model with too many processes for it), the nested search's
// bits mirrored from the other end. Only which (search, counter) pairs were seen matters
// to the counts, as long as no two pairs share a bit, which pan's limit ensures; here
// counter c of search s is bit 2c + s, and the map grows by 32-bit words when a counter
// needs it, so any number of processes is handled and the counts are pan's with the
// -DNFAIR that model needs. Rejected: pan's layout with a fixed width, which wraps the
// bits of the two searches onto each other past its limit.
import { hashWords } from './state-store.js';

export class LivenessStore {
  private mask: number;
  /** Pairs (hash, entry + 1); 0 marks an empty slot. */
  private table: Int32Array;
  /** The arena, in 32-bit words: each vector as (length in words, words...). */
  private data: Int32Array;
  private used = 0;
  /** Per entry: where its vector starts in the arena. */
  private at: Int32Array;
  visited: Uint8Array;
  /** The fairness map: fairWords 32-bit words per entry. */
  private fair: Uint32Array;
  private fairWords = 1;
  /** With -a: stack bits per search; without: depth + 1 while on the stack, else 0. */
  tagged: Int32Array;
  depth: Int32Array;
  count = 0;

  constructor(log2Slots = 20) {
    this.table = new Int32Array(2 << log2Slots);
    this.mask = (1 << log2Slots) - 1;
    this.data = new Int32Array(1 << 18);
    const n = 1 << 16;
    this.at = new Int32Array(n); this.visited = new Uint8Array(n); this.fair = new Uint32Array(n);
    this.tagged = new Int32Array(n); this.depth = new Int32Array(n);
  }

  get bytes(): number {
    return this.table.byteLength + this.data.byteLength + this.at.length * 13 + this.fair.byteLength;
  }

  /** Sets bit `bit` of entry e's fairness map; true when it was clear. */
  fairSet(e: number, bit: number): boolean {
    const w = bit >>> 5;
    if (w >= this.fairWords) this.widenFair(w + 1);
    const i = e * this.fairWords + w, mask = 1 << (bit & 31);
    if (this.fair[i]! & mask) return false;
    this.fair[i] = this.fair[i]! | mask;
    return true;
  }

  private widenFair(words: number): void {
    const old = this.fair, ow = this.fairWords, n = this.at.length;
    this.fair = new Uint32Array(n * words);
    for (let e = 0; e < n; e++) for (let j = 0; j < ow; j++) this.fair[e * words + j] = old[e * ow + j]!;
    this.fairWords = words;
  }

  /** The entry holding W[o, o+n), or -1. */
  find(W: Int32Array, o: number, n: number, h: number): number {
    const table = this.table, data = this.data, mask = this.mask;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const e = table[2 * i + 1]!;
      if (e === 0) return -1;
      if (table[2 * i] === h) {
        const p = this.at[e - 1]!;
        if (data[p] === n) {
          let j = 0;
          while (j < n && data[p + 1 + j] === W[o + j]) j++;
          if (j === n) return e - 1;
        }
      }
    }
  }

  /** Adds W[o, o+n) (known to be absent); returns its entry. */
  add(W: Int32Array, o: number, n: number, h: number): number {
    if (this.used + n + 1 > this.data.length) {
      let size = this.data.length * 2;
      while (size < this.used + n + 1) size *= 2;
      if (size > 0x1fffffff) throw new RangeError('state store exceeds 2 GiB');
      const d = new Int32Array(size); d.set(this.data.subarray(0, this.used)); this.data = d;
    }
    const e = this.count++;
    if (e >= this.at.length) this.growEntries();
    const p = this.used;
    this.data[p] = n;
    for (let j = 0; j < n; j++) this.data[p + 1 + j] = W[o + j]!;
    this.used = p + 1 + n;
    this.at[e] = p;
    this.insert(h, e + 1);
    if (this.count * 2 > this.mask + 1) this.rehash();
    return e;
  }

  hash(W: Int32Array, o: number, n: number): number { return hashWords(W, o, n, 0x9747b28c); }

  private insert(h: number, v: number): void {
    const table = this.table, mask = this.mask;
    let i = h & mask;
    while (table[2 * i + 1] !== 0) i = (i + 1) & mask;
    table[2 * i] = h; table[2 * i + 1] = v;
  }

  private growEntries(): void {
    const n = this.at.length * 2;
    const g32 = (a: Int32Array) => { const b = new Int32Array(n); b.set(a); return b; };
    this.at = g32(this.at); this.tagged = g32(this.tagged); this.depth = g32(this.depth);
    const v = new Uint8Array(n); v.set(this.visited); this.visited = v;
    const f = new Uint32Array(n * this.fairWords); f.set(this.fair); this.fair = f;
  }

  private rehash(): void {
    const old = this.table;
    this.mask = this.mask * 2 + 1;
    this.table = new Int32Array(2 * (this.mask + 1));
    for (let k = 0; k < old.length; k += 2) if (old[k + 1] !== 0) this.insert(old[k]!, old[k + 1]!);
  }
}
