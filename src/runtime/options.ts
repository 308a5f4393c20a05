// Runtime.start's options, checked before anything is allocated: each mistake (a
// misspelt key, a string where a number belongs, a V8 limit that a thread start would
// refuse later, far from the call) is an error at the call that names the option and the
// value. minThreads above maxm is not one: as many threads start as the M table holds.
import { maxgomaxprocs } from '../sched/index.js';
import { showValue } from './show-value.js';
import { HEAP_MIN_ROOM, heapReservedBytes } from './heap.js';

/** Every option Runtime.start knows. */
export const RUNTIME_OPTION_KEYS = ['protocol', 'gomaxprocs', 'maxg', 'maxm', 'minThreads', 'resourceLimits', 'heapBytes'] as const;
/** Default G table size: 10,000 goroutines may wait at once. */
export const DEFAULT_MAXG = 16384;
/** Default M table size: threads beyond it are not started; goroutines wait for an M. */
export const DEFAULT_MAXM = 256;
const LIMIT_KEYS = ['maxYoungGenerationSizeMb', 'maxOldGenerationSizeMb', 'codeRangeSizeMb', 'stackSizeMb'];
/** The most rows maxg and maxm may ask for. */
export const TABLE_MAX = 1 << 20;

/** Throws a TypeError or RangeError naming `where`, the option and the value. For run():
 * `extra`, keys it takes besides the Runtime's (`args`). Every option may be left out (the
 * protocol defaults to 'atomic'). */
export function checkRuntimeOptions(opts: unknown, where: string, run?: { extra: readonly string[] }): void {
  if (opts === null || typeof opts !== 'object' || Array.isArray(opts)) {
    throw new TypeError(`${where}: options must be an object like { protocol: 'atomic', gomaxprocs: 2 }, got ${showValue(opts)}`);
  }
  const o = opts as Record<string, unknown>;
  const known = [...RUNTIME_OPTION_KEYS, ...(run?.extra ?? [])];
  for (const k of Object.keys(o)) {
    if (!known.includes(k)) throw new TypeError(`${where}: unknown option '${k}' (the options are ${known.join(', ')})`);
  }
  const int = (k: string, min: number, max: number, what = `an integer from ${min} to ${max}`) => {
    const v = o[k];
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      throw new RangeError(`${where}: ${k} must be ${what}, got ${showValue(v)}`);
    }
  };
  if (o.protocol !== 'lock' && o.protocol !== 'atomic' && o.protocol !== undefined) {
    throw new TypeError(`${where}: protocol must be 'lock' or 'atomic', got ${showValue(o.protocol)}`);
  }
  const procs = o.gomaxprocs;
  if (typeof procs === 'number' && Number.isInteger(procs) && procs > maxgomaxprocs) {
    // schedinit would clamp it (the commit does); an option that cannot take effect is refused.
    throw new RangeError(`${where}: gomaxprocs ${procs} is above the most the scheduler's word holds (${maxgomaxprocs}: mcpumax has 15 bits)`);
  }
  int('gomaxprocs', 1, maxgomaxprocs, 'a positive integer');
  int('maxg', 1, TABLE_MAX);
  int('maxm', 1, TABLE_MAX);
  if (typeof o.minThreads === 'number' && Number.isInteger(o.minThreads) && o.minThreads > TABLE_MAX) {
    throw new RangeError(`${where}: minThreads ${o.minThreads} is above the most threads a Runtime can have (${TABLE_MAX}, maxm's ceiling)`);
  }
  int('minThreads', 0, TABLE_MAX, 'a non-negative integer');
  int('heapBytes', 1 << 16, 2 ** 31 - 8);
  if (typeof o.heapBytes === 'number') {
    // The heap's first bytes hold per-goroutine state for every G row: a heap that small
    // would start with no room for a channel, and fail only at the first one made.
    const maxg = typeof o.maxg === 'number' ? o.maxg : DEFAULT_MAXG;
    const least = heapReservedBytes(maxg) + HEAP_MIN_ROOM;
    if (o.heapBytes < least) {
      throw new RangeError(`${where}: heapBytes ${o.heapBytes} is too small for maxg ${maxg}: the heap keeps ${heapReservedBytes(maxg)} bytes of per-goroutine state, so give heapBytes at least ${least}, or a smaller maxg`);
    }
  }
  const rl = o.resourceLimits;
  if (rl !== undefined) {
    if (rl === null || typeof rl !== 'object' || Array.isArray(rl)) {
      throw new TypeError(`${where}: resourceLimits must be an object like { maxOldGenerationSizeMb: 512 }, got ${showValue(rl)}`);
    }
    for (const [k, v] of Object.entries(rl)) {
      if (!LIMIT_KEYS.includes(k)) throw new TypeError(`${where}: unknown resourceLimits key '${k}' (the keys are ${LIMIT_KEYS.join(', ')})`);
      // Left to Node's default, as new Worker takes it (and as every other option takes undefined).
      if (v === undefined) continue;
      if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) {
        throw new RangeError(`${where}: resourceLimits.${k} must be a positive number of megabytes, got ${showValue(v)}`);
      }
      // Node 20 starts a worker's thread on this stack: at 0.25 MB it overflows there, and
      // a worker failing so ends the whole process, not the thread (tried by hand: 0.3 MB
      // ran goroutines; 1 leaves a margin for other Node versions).
      if (k === 'stackSizeMb' && v < 1) {
        throw new RangeError(`${where}: resourceLimits.stackSizeMb must be at least 1 (a smaller stack can overflow while Node starts the thread, which ends the whole process), got ${showValue(v)}`);
      }
    }
  }
}
