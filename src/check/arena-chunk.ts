// How the exact and liveness stores grow their state arena's first chunk: by doubling,
// up to the full chunk size, before they add chunks of full size.

/**
 * The size (in words) the first chunk, now `length` words with `used` of them taken,
 * doubles to so that `need` more fit; 0 when even `max` words would not hold them (then a
 * new full chunk is started instead).
 */
export function grownFirstChunk(length: number, used: number, need: number, max: number): number {
  let n = length * 2;
  while (n < used + need && n < max) n *= 2;
  return used + need <= n ? n : 0;
}
