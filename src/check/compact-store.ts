// Hash compaction, as pan's -DHC4: a state is kept as a 64-bit signature (two independent
// 32-bit hashes of its vector) instead of the vector itself, in an open-addressing table
// that grows to --memlim. Two states with equal signatures count as one, so a search may
// miss states; with n states the chance that any two collide is about n^2 / 2^65.
import { hashWords } from './state-store.js';
import { MemoryLimitReached, type VisitedStates } from './visited.js';

export class HashCompactStore implements VisitedStates {
  private mask: number;
  /** Pairs (h1, h2); (0, 0) marks an empty slot (a state hashing to it is given h2 = 1). */
  private table: Int32Array;
  count = 0;

  constructor(private readonly limitBytes = Infinity, log2Slots = 16) {
    this.table = new Int32Array(2 << log2Slots);
    this.mask = (1 << log2Slots) - 1;
  }

  get bytes(): number { return this.table.byteLength; }

  add(W: Int32Array, o: number, n: number): boolean {
    const h1 = hashWords(W, o, n, 0x9747b28c);
    let h2 = hashWords(W, o, n, 0x3c6ef372);
    if (h1 === 0 && h2 === 0) h2 = 1;
    const table = this.table, mask = this.mask;
    let i = h1 & mask;
    for (;;) {
      const a = table[2 * i]!, b = table[2 * i + 1]!;
      if (a === 0 && b === 0) break;
      if (a === h1 && b === h2) return false;
      i = (i + 1) & mask;
    }
    table[2 * i] = h1; table[2 * i + 1] = h2;
    if (++this.count * 2 > mask + 1) this.rehash();
    return true;
  }

  private rehash(): void {
    const old = this.table;
    const size = (this.mask + 1) * 2, mask = size - 1;
    if (this.bytes + size * 8 > this.limitBytes) throw new MemoryLimitReached('--memlim reached');
    const table = new Int32Array(2 * size);
    for (let k = 0; k < old.length; k += 2) {
      const a = old[k]!, b = old[k + 1]!;
      if (a === 0 && b === 0) continue;
      let i = a & mask;
      while (table[2 * i] !== 0 || table[2 * i + 1] !== 0) i = (i + 1) & mask;
      table[2 * i] = a; table[2 * i + 1] = b;
    }
    this.table = table; this.mask = mask;
  }

  /** The chance that some two of the stored states share a signature (birthday bound). */
  collisionProbability(): number {
    return Math.min(1, (this.count * this.count) / 2 ** 65);
  }

  reportLines(): string[] {
    return [
      `hash compaction: 8 bytes stored per state (64-bit signature)`,
      `probability that two states shared a signature (and one was missed): ${this.collisionProbability().toExponential(2)}`,
    ];
  }
}
