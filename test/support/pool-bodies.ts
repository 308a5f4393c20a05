// Goroutine bodies for the pool and limit tests (test/runtime-pool.test.ts).
import { syscall, userWords } from '../../src/runtime/goroutine.js';

/** Holds its cpu slot (no syscall) until userWords[gate] becomes nonzero. */
export function holdSlot(gate: number, started: number): void {
  const u = userWords();
  Atomics.store(u, started, 1);
  while (Atomics.load(u, gate) === 0) Atomics.wait(u, gate, 0, 5);
}

/** Records that it ran: bit `bit` of userWords[slot]. */
export function mark(slot: number, bit: number): void {
  Atomics.or(userWords(), slot, 1 << bit);
}

/** Blocks `ms` in a system call, counting how many goroutines are in it at once. */
export function blockCounting(ms: number, now: number, peak: number): void {
  const u = userWords();
  syscall(() => {
    const n = Atomics.add(u, now, 1) + 1;
    for (let p = Atomics.load(u, peak); n > p; p = Atomics.load(u, peak)) Atomics.compareExchange(u, peak, p, n);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    Atomics.sub(u, now, 1);
  });
}

/** Blocks in a system call until `n` goroutines have arrived (or `ms` pass: then it
 * throws, failing the test instead of hanging it). */
export function barrier(n: number, slot: number, ms: number): void {
  const u = userWords();
  syscall(() => {
    Atomics.add(u, slot, 1);
    Atomics.notify(u, slot);
    const end = Date.now() + ms;
    for (let seen = Atomics.load(u, slot); seen < n; seen = Atomics.load(u, slot)) {
      if (Date.now() > end) throw new Error(`barrier: ${seen} of ${n} goroutines arrived in ${ms} ms`);
      Atomics.wait(u, slot, seen, 50);
    }
  });
}
