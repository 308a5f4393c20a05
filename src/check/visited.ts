// What the search needs of a visited-state set, whichever way it stores states: exactly
// (StateStore), by a 32-bit signature (HashCompactStore, pan's -DHC4), or as bits
// (BitstateStore, pan's -DBITSTATE). The last two may take a new state for one already
// seen and so miss part of the state space; they report how likely that was.

export interface VisitedStates {
  /** Adds the vector W[o, o+n) (words) unless (taken to be) present; true when new. */
  add(W: Int32Array, o: number, n: number): boolean;
  readonly bytes: number;
  count: number;
  /** The lines pan prints about this kind of store after the counts. */
  reportLines(): string[];
}

/** Thrown by a store that would need more than its limit: the search stops cleanly. */
export class MemoryLimitReached extends Error {
  override name = 'MemoryLimitReached';
}
