// Hash compaction, as pan's -DHC4. What pan 6.5.2 keeps per state there (pangen1.h,
// compress() under HC): K1, the hash it also indexes its table with, and 4 bytes of K2.
// At -w up to 32 (its default is -w24) that hash is d_sfh, which sets a 32-bit K1 and
// leaves K2 alone, so the 12 bytes it stores carry 32 bits: two states with the same 32-bit
// hash are one state to pan, and the search may miss every state only reachable through
// the second. This store keeps exactly that much: a 32-bit signature per state, the slot
// itself (4 bytes) in an open-addressing table that doubles at half full, up to --memlim.
//
// Rejected: 64-bit signatures (two hashes, 8 bytes a slot), which this store kept before:
// safer, but not what pan's -DHC4 stores or reports, and twice the memory. Rejected too:
// SPIN's own hash function on SPIN's own vector, which alone would give pan's counts where
// signatures collide; the checker's vector is laid out differently (44 bytes in pan, 25 in
// the checker for models/spin/bench/atomic_long.pml), so its collisions are its own.
import { hashWords } from './state-store.js';
import { MemoryLimitReached, type VisitedStates } from './visited.js';

const SEED = 0x9747b28c;

export class HashCompactStore implements VisitedStates {
  private mask: number;
  /** Signatures; 0 marks an empty slot (a state whose signature is 0 is kept in zeroSeen). */
  private table: Int32Array;
  private zeroSeen = false;
  count = 0;
  /** Occupied slots passed on the way to a state's own (pan's hash conflicts, resolved). */
  conflicts = 0;

  constructor(private readonly limitBytes = Infinity, log2Slots = 16) {
    this.table = new Int32Array(1 << log2Slots);
    this.mask = (1 << log2Slots) - 1;
  }

  get bytes(): number { return this.table.byteLength; }

  /** The 32-bit signature a vector is kept as. */
  static signature(W: Int32Array, o: number, n: number): number {
    return hashWords(W, o, n, SEED);
  }

  add(W: Int32Array, o: number, n: number): boolean {
    const h = hashWords(W, o, n, SEED);
    if (h === 0) {
      if (this.zeroSeen) return false;
      this.zeroSeen = true;
      this.count++;
      return true;
    }
    const table = this.table, mask = this.mask;
    let i = h & mask;
    for (;;) {
      const s = table[i]!;
      if (s === 0) break;
      if (s === h) return false;
      this.conflicts++;
      i = (i + 1) & mask;
    }
    table[i] = h;
    if (++this.count * 2 > mask + 1) this.rehash();
    return true;
  }

  private rehash(): void {
    const old = this.table;
    const size = (this.mask + 1) * 2, mask = size - 1;
    if (this.bytes + size * 4 > this.limitBytes) throw new MemoryLimitReached('--memlim reached');
    const table = new Int32Array(size);
    for (let k = 0; k < old.length; k++) {
      const s = old[k]!;
      if (s === 0) continue;
      let i = s & mask;
      while (table[i] !== 0) i = (i + 1) & mask;
      table[i] = s;
    }
    this.table = table; this.mask = mask;
  }

  /**
   * The expected number of states taken for one seen before, had every state reached a
   * new one: the i-th new state shares a signature with one of the i before it with
   * chance i / 2^32, so about n^2 / 2^33 of n. Not a figure pan prints.
   */
  expectedMerged(): number {
    return (this.count * (this.count - 1)) / 2 ** 33;
  }

  reportLines(): string[] {
    const per = this.count > 0 ? this.bytes / this.count : 0;
    return [
      `hash conflicts: ${String(this.conflicts).padStart(9)} (resolved)`,
      `hash compaction (-DHC4): state-vector as stored = 4 byte + ${Math.max(0, Math.round(per - 4))} byte overhead (a 32-bit hash per state)`,
      `expected states lost to equal hashes: ${this.expectedMerged().toPrecision(3)} (about stored^2 / 2^33)`,
    ];
  }
}
