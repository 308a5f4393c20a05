// A small deterministic generator (mulberry32), shared by the fuzzers: a case's seed
// (`state` before the case draws) reproduces its model exactly.
export function mulberry32(seed) {
  let state = seed | 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    get state() { return state; },
  };
}
