// runtime.GOMAXPROCS(n)'s argument, as Go's int: a string or a fraction is a mistake
// said at the call (Go's compiler would refuse it), named with its type. Values the
// scheduler's word cannot hold are not refused here: GOMAXPROCS(1e9) clamps to
// maxgomaxprocs as the commit's gomaxprocsfunc does, and n <= 0 queries.
import { showValue } from './show-value.js';

export function checkProcs(n: unknown, where = 'GOMAXPROCS'): asserts n is number {
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new RangeError(`${where}: n must be an integer (0 or less queries), got ${showValue(n)}`);
  }
}
