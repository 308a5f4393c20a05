// Goroutine bodies for the pool and limit tests (test/runtime-pool.test.ts).
import { gosched, syscall, userWords } from '../../src/runtime/goroutine.js';

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

/** Yields `times` times (gosched), then records that it ran, as mark does. */
export function yieldThenMark(times: number, slot: number, bit: number): void {
  for (let i = 0; i < times; i++) gosched();
  mark(slot, bit);
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
