// Bitstate hashing, as pan's -DBITSTATE: each state sets k bits of a 2^w-bit array, and a
// state whose k bits are all set already is taken to be visited. Memory is fixed (2^w / 8
// bytes) whatever the state space; the price is that states may be missed. The k bit
// positions come from two independent 32-bit hashes (h1 + i * h2, double hashing).
import { hashWords } from './state-store.js';
import type { VisitedStates } from './visited.js';

export class BitstateStore implements VisitedStates {
  private readonly bits: Uint32Array;
  private readonly mask: number;
  count = 0;

  constructor(readonly log2Bits: number, readonly k: number) {
    if (log2Bits < 3 || log2Bits > 35) throw new RangeError('-w must be 3 to 35');
    this.bits = new Uint32Array(Math.max(1, 2 ** (log2Bits - 5)));
    this.mask = 2 ** log2Bits - 1;
  }

  get bytes(): number { return this.bits.byteLength; }

  add(W: Int32Array, o: number, n: number): boolean {
    const h1 = hashWords(W, o, n, 0x9747b28c) >>> 0;
    const h2 = (hashWords(W, o, n, 0x3c6ef372) | 1) >>> 0;
    const bits = this.bits, mask = this.mask;
    let seen = true;
    for (let i = 0; i < this.k; i++) {
      // Bit positions up to 2^35 exceed 32 bits: computed in doubles, exact below 2^53.
      const pos = (h1 + i * h2) % (mask + 1);
      const word = Math.floor(pos / 32), bit = 1 << (pos % 32);
      if ((bits[word]! & bit) === 0) { seen = false; bits[word] = bits[word]! | bit; }
    }
    if (seen) return false;
    this.count++;
    return true;
  }

  /** pan's hash factor: bits in the array per state stored (best if > 100). */
  hashFactor(): number { return (this.mask + 1) / Math.max(1, this.count); }

  /**
   * The expected fraction of the states reached that were really new when stored: the
   * mean, over the run, of the chance (1 - e^(-k i / m))^k that a new state's k bits were
   * all set already after i states. One minus it is the fraction that may have been missed.
   */
  expectedCoverage(): number {
    const n = this.count, m = this.mask + 1, k = this.k;
    if (n === 0) return 1;
    const steps = 1000;
    let missed = 0;
    for (let s = 0; s < steps; s++) missed += (1 - Math.exp((-k * ((s + 0.5) / steps) * n) / m)) ** k;
    return 1 - missed / steps;
  }

  reportLines(): string[] {
    return [
      `hash factor: ${this.hashFactor().toPrecision(6)} (best if > 100.)`,
      `bits set per state: ${this.k} (-k${this.k})`,
      `expected coverage: ${(100 * this.expectedCoverage()).toFixed(4)}% (estimated share of the states reached that were not wrongly taken as seen; what a missed state leads to may be missed too)`,
    ];
  }
}
