// The atomic scheduling word, packed exactly as the commit packs it:
//
//	[15 bits] mcpu		number of m's executing on cpu
//	[15 bits] mcpumax	max number of m's allowed on cpu
//	[1 bit] waitstop	some g is waiting on stopped
//	[1 bit] gwaiting	gwait != 0
//
// These are the fields entersyscall and exitsyscall need to decide whether to
// coordinate with the scheduler. Packing them into one 32-bit word lets those two
// take a fast path of one atomic read and one compare-and-swap, with no schedlock.
//
// Except for entersyscall and exitsyscall, every write to these fields happens while
// holding schedlock, and entersyscall/exitsyscall only ever write mcpu (they read
// mcpumax, waitstop and gwaiting). So writes to mcpumax, waitstop and gwaiting done
// under schedlock need no fear of write conflicts; there may still be logic conflicts,
// which the Promela models (the commit's proc.p and models/ here) check.
//
// JavaScript difference: the word lives in an Int32Array (Atomics.wait/notify need
// one), and JS bitwise operators work on signed 32-bit integers, so gwaiting (bit 31)
// is the sign bit. Fields are extracted with `>>>` so the sign never leaks into them,
// and every value written back is normalised with `| 0` to the int32 the array holds.

export const mcpuWidth = 15;
export const mcpuMask = (1 << mcpuWidth) - 1;
export const mcpuShift = 0;
export const mcpumaxShift = mcpuShift + mcpuWidth;
export const waitstopShift = mcpumaxShift + mcpuWidth;
export const gwaitingShift = waitstopShift + 1;

/**
 * The max value of GOMAXPROCS is constrained by the max value we can store in the
 * bit fields of the atomic word. A few high values are reserved so that an accidental
 * decrement of mcpu below zero (which wraps to mcpuMask) is detected.
 */
export const maxgomaxprocs = mcpuMask - 10;

/** Adding this to the word increments mcpu (the commit's `1<<mcpuShift`). */
export const MCPU_ONE = 1 << mcpuShift;
/** `1<<waitstopShift`. */
export const WAITSTOP_BIT = 1 << waitstopShift;
/**
 * `1<<gwaitingShift`. In JS this is -2147483648 (the sign bit). Adding it to an int32
 * and normalising with `| 0` flips bit 31 exactly as the commit's uint32 xadd does.
 */
export const GWAITING_BIT = 1 << gwaitingShift;

export function atomicMcpu(v: number): number {
  return (v >>> mcpuShift) & mcpuMask;
}
export function atomicMcpumax(v: number): number {
  return (v >>> mcpumaxShift) & mcpuMask;
}
export function atomicWaitstop(v: number): number {
  return (v >>> waitstopShift) & 1;
}
export function atomicGwaiting(v: number): number {
  return (v >>> gwaitingShift) & 1;
}

/** Builds a word from its fields (for tests and initialisation). */
export function packWord(mcpu: number, mcpumax: number, waitstop: number, gwaiting: number): number {
  return (
    ((mcpu & mcpuMask) << mcpuShift) |
    ((mcpumax & mcpuMask) << mcpumaxShift) |
    ((waitstop & 1) << waitstopShift) |
    ((gwaiting & 1) << gwaitingShift)
  );
}

/** The word's fields, for reports and error messages. */
export function describeWord(v: number): string {
  return `mcpu=${atomicMcpu(v)} mcpumax=${atomicMcpumax(v)} waitstop=${atomicWaitstop(v)} gwaiting=${atomicGwaiting(v)}`;
}
