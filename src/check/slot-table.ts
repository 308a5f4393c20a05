// The slot table of the open-addressing stores (state-store.ts, liveness-store.ts): pairs
// (hash, entry) in one Int32Array, entry 0 meaning empty, linear probing from the hash's
// low bits. Both stores find and insert in their own hot loops (what an entry names
// differs); growing the table is the same for both, and lives here.

/** The table `old` (mask + 1 pairs) rehashed into one twice its size; its mask is
 * mask * 2 + 1. Entries keep their hashes, so nothing is hashed again. */
export function doubledSlotTable(old: Int32Array, mask: number): Int32Array {
  const newMask = mask * 2 + 1;
  const table = new Int32Array(2 * (newMask + 1));
  for (let k = 0; k < old.length; k += 2) {
    const e = old[k + 1]!;
    if (e === 0) continue;
    const h = old[k]!;
    let i = h & newMask;
    while (table[2 * i + 1] !== 0) i = (i + 1) & newMask;
    table[2 * i] = h; table[2 * i + 1] = e;
  }
  return table;
}
