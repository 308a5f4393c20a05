// The visited-state store of the liveness search, holding what pan's hash table holds for
// -a and -l besides each vector: which searches have visited it (the first or the nested
// one, with or without the fairness flag: four bits), for -f which fairness counter values
// each search saw it with, which searches have it on their stack now (tags), and the depth
// it was first stored at (where a cycle found by meeting a state on the stack starts).
//
// Layout: one arena of 32-bit words holding per entry a three-word header (the vector's
// length with the visited bits and tags, the depth, the first fairness word) and then the
// vector; an entry is named by the arena offset of its header, and the slot table holds
// (hash, offset). A lookup that finds a state thus touches its slot and one stretch of the
// arena, where its bits are.
// Rejected (the first version): entries numbered 0, 1, ... with the arena offset and each
// field in parallel arrays indexed by entry. Every lookup then paid one more cache miss
// for the offset and one or two for the bits, a third of the search's time on large
// models.
//
// In front of the slot table, a small direct-mapped table of the entries found or added
// lately, (hash, entry) by the hash's top bits: a depth-first search meets again mostly
// states it stored a little earlier (on filter_lock_4 under -a -f, 79% of the lookups that
// find their state find it there with 16K pairs), whose slots in the big table, spread
// over megabytes, are cache misses, while their entries in the arena, stored lately, are
// not. A lookup tries it first and still compares the whole vector; a miss costs one more
// read of a line in cache. (filter_lock_4: about 2% of the search; gosched-wired, whose
// table is 64 MiB: 4 to 8%.)
//
// The fairness map: pan keeps it in NFAIR bytes of the state (its compile-time -DNFAIR,
// 2 by default, and refuses a model with too many processes for it), the nested search's
// bits mirrored from the other end. Only which (search, counter) pairs were seen matters
// to the counts, as long as no two pairs share a bit, which pan's limit ensures; here
// counter c of search s is bit 2c + s. The first 32 bits (up to about a dozen processes)
// live in the header; the rest, for larger models, in a map by entry that grows as a
// counter needs it, so any number of processes is handled and the counts are pan's with
// the -DNFAIR that model needs. Rejected: pan's layout with a fixed width, which wraps
// the bits of the two searches onto each other past its limit.
import { doubledSlotTable } from './slot-table.js';
import { grownFirstChunk } from './arena-chunk.js';
import { vectorHash, VectorCopy } from './state-store.js';

/** Header words before each vector: the vector's length in words (bits 0-23), the visited
 * bits (24-27) and the stack tags (28-31); the depth; fairness bits 0-31. Three words, not
 * five: a new state writes, and a match reads, that much less of the arena. */
const H_META = 0, H_DEPTH = 1, H_FAIR = 2, HEADER = 3;
const LEN_MASK = 0xffffff, VISITED_SHIFT = 24, TAG_SHIFT = 28;
/** The recent entries: 2^RECENT_BITS pairs (128 KiB, well inside the second-level cache),
 * indexed by the hash's top bits (the slot table uses its low bits). */
const RECENT_BITS = 14, RECENT_MASK = (1 << RECENT_BITS) - 1, RECENT_SHIFT = 32 - RECENT_BITS;
/** The arena is chunks of 2^CHUNK_BITS words; an entry is (chunk << CHUNK_BITS | word). */
const CHUNK_BITS = 23, CHUNK_WORDS = 1 << CHUNK_BITS, WORD_MASK = CHUNK_WORDS - 1, MAX_CHUNKS = 255;

export class LivenessStore {
  private mask: number;
  /** Pairs (hash, entry); entry 0 marks an empty slot (the arena's word 0 is never used). */
  private table: Int32Array;
  /** The arena: per entry HEADER words and then the vector's words, in chunks that are
   * never copied once full size (the first one doubles up to it, so a small model does
   * not pay 32 MiB). Rejected: one array doubled when full, which copied the arena as it
   * grew and, while copying, held old and new (on gosched-wired, 1.5 million states, about
   * a tenth of the search went to copies and to the first touch of their pages). */
  private chunks: Int32Array[];
  /** The chunk being filled and its next free word (word 0 of chunk 0 is never used). */
  private data: Int32Array;
  private used = 1;
  /** Fairness bits from 32 on, by entry (only models with many processes need them). */
  private fairMore = new Map<number, Uint32Array>();
  /** Pairs (hash, entry) of entries found or added lately, by the hash's top bits; entry 0
   * (never handed out) in an unused pair, whose header word 0 matches no length. */
  private recent = new Int32Array(2 << RECENT_BITS);
  count = 0;
  /** Whether the last findOrAdd added its vector. */
  added = false;

  constructor(log2Slots = 20, arenaWords = 1 << 18) {
    this.table = new Int32Array(2 << log2Slots);
    this.mask = (1 << log2Slots) - 1;
    this.data = new Int32Array(Math.min(arenaWords, CHUNK_WORDS));
    this.chunks = [this.data];
  }

  get bytes(): number {
    let n = this.table.byteLength + this.recent.byteLength;
    for (const c of this.chunks) n += c.byteLength;
    for (const f of this.fairMore.values()) n += f.byteLength + 16;
    return n;
  }

  /** The four bits of which searches (first, nested; without and with the fairness
   * flag) have visited entry e. */
  visited(e: number): number { return this.chunks[e >>> CHUNK_BITS]![(e & WORD_MASK) + H_META]! >>> VISITED_SHIFT & 15; }
  setVisited(e: number, v: number): void {
    const d = this.chunks[e >>> CHUNK_BITS]!, i = (e & WORD_MASK) + H_META;
    d[i] = d[i]! & ~(15 << VISITED_SHIFT) | v << VISITED_SHIFT;
  }
  /** Four bits: with -a, which searches have e on their stack; without, 1 while it is on
   * the stack, else 0. */
  tag(e: number): number { return this.chunks[e >>> CHUNK_BITS]![(e & WORD_MASK) + H_META]! >>> TAG_SHIFT; }
  setTag(e: number, v: number): void {
    const d = this.chunks[e >>> CHUNK_BITS]!, i = (e & WORD_MASK) + H_META;
    d[i] = d[i]! & ~(15 << TAG_SHIFT) | v << TAG_SHIFT;
  }
  depth(e: number): number { return this.chunks[e >>> CHUNK_BITS]![(e & WORD_MASK) + H_DEPTH]!; }

  /** Sets bit `bit` of entry e's fairness map; true when it was clear. */
  fairSet(e: number, bit: number): boolean {
    if (bit < 32) {
      const d = this.chunks[e >>> CHUNK_BITS]!, i = (e & WORD_MASK) + H_FAIR, mask = 1 << bit, w = d[i]!;
      if (w & mask) return false;
      d[i] = w | mask;
      return true;
    }
    return this.fairSetMore(e, bit - 32);
  }

  private fairSetMore(e: number, bit: number): boolean {
    const w = bit >>> 5, mask = 1 << (bit & 31);
    let f = this.fairMore.get(e);
    if (f === undefined || f.length <= w) {
      const g = new Uint32Array(w + 1);
      if (f !== undefined) g.set(f);
      this.fairMore.set(e, g); f = g;
    }
    if (f[w]! & mask) return false;
    f[w] = f[w]! | mask;
    return true;
  }

  /**
   * The entry holding W[o, o+n); when absent, adds it with its bits clear and `depth` as
   * its depth (and sets `added`).
   */
  findOrAdd(W: Int32Array, o: number, n: number, depth: number): number {
    const h = vectorHash(W, o, n);
    const table = this.table, chunks = this.chunks, mask = this.mask;
    const recent = this.recent, ri = 2 * ((h >>> RECENT_SHIFT) & RECENT_MASK);
    if (recent[ri] === h) {
      const e = recent[ri + 1]!;
      const data = chunks[e >>> CHUNK_BITS]!, at = e & WORD_MASK;
      if ((data[at]! & LEN_MASK) === n) {
        const v = at + HEADER;
        let j = 0;
        while (j < n && data[v + j] === W[o + j]) j++;
        if (j === n) { this.added = false; return e; }
      }
    }
    let i = h & mask;
    for (;;) {
      const e = table[2 * i + 1]!;
      if (e === 0) break;
      if (table[2 * i] === h) {
        const data = chunks[e >>> CHUNK_BITS]!, at = e & WORD_MASK;
        if ((data[at]! & LEN_MASK) === n) {
          const v = at + HEADER;
          let j = 0;
          while (j < n && data[v + j] === W[o + j]) j++;
          if (j === n) { this.added = false; recent[ri] = h; recent[ri + 1] = e; return e; }
        }
      }
      i = (i + 1) & mask;
    }
    this.added = true;
    if (this.used + HEADER + n > this.data.length) this.room(HEADER + n);
    const d = this.data, at = this.used;
    d[at + H_META] = n; d[at + H_DEPTH] = depth; d[at + H_FAIR] = 0;
    const v = at + HEADER;
    if (n > VectorCopy.LOOP_MAX_WORDS) d.set(W.subarray(o, o + n), v);
    else for (let j = 0; j < n; j++) d[v + j] = W[o + j]!;
    this.used = v + n;
    const e = (this.chunks.length - 1) << CHUNK_BITS | at;
    table[2 * i] = h; table[2 * i + 1] = e;
    recent[ri] = h; recent[ri + 1] = e;
    // Doubled at three-quarters full, not half: a probe past other states compares hashes
    // in neighbouring slots (8 to a cache line) and reads the arena only on an equal hash,
    // so longer probes cost little, and a smaller table stays in cache more often.
    if (++this.count * 4 > (mask + 1) * 3) this.rehash();
    return e;
  }

  /** Room for `need` more words: the first chunk doubles until full size, then new chunks. */
  private room(need: number): void {
    if (need > CHUNK_WORDS) throw new RangeError(`a state of ${need * 4} bytes does not fit an arena chunk`);
    if (this.chunks.length === 1 && this.data.length < CHUNK_WORDS) {
      const size = grownFirstChunk(this.data.length, this.used, need, CHUNK_WORDS);
      if (size > 0) {
        const d = new Int32Array(size); d.set(this.data.subarray(0, this.used));
        this.data = d; this.chunks[0] = d;
        return;
      }
    }
    if (this.chunks.length >= MAX_CHUNKS) throw new RangeError('state store exceeds 8 GiB');
    this.data = new Int32Array(CHUNK_WORDS);
    this.chunks.push(this.data);
    this.used = 0;
  }

  private rehash(): void {
    this.table = doubledSlotTable(this.table, this.mask);
    this.mask = this.mask * 2 + 1;
  }
}
