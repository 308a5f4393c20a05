// schedlock and notes: the commit's futex-based Lock and Note, on Int32 cells.
//
// A Lock cell holds 0 (unlocked), 1 (locked) or 2 (locked, and a thread may be
// sleeping on it). The owner that releases a cell that was 2 must wake a sleeper;
// a thread that goes to sleep first marks the cell 2 so that release cannot miss it.
// This is the classic three-state futex mutex (the shape of the commit's lock_futex.c).
//
// Both protocols (lock and atomic) use this same lock: the comparison between them must
// measure the protocol, never a difference of locks.

/** How many times to re-test a busy lock before sleeping. Critical sections under
 * schedlock are short, so a brief spin usually wins; a sleep costs a futex round trip
 * (8-18 us in Node), a spin iteration a few ns. */
const LOCK_SPIN = 200;
/** How many times to re-test a note before sleeping on it. */
const NOTE_SPIN = 2000;

/** Acquires the lock cell at `i`. Returns true when the caller had to sleep. */
export function lock(mem: Int32Array, i: number): boolean {
  // Uncontended: one compare-and-swap.
  let c = Atomics.compareExchange(mem, i, 0, 1);
  if (c === 0) return false;
  return lockSlow(mem, i, c);
}

function lockSlow(mem: Int32Array, i: number, c: number): boolean {
  for (let spin = 0; spin < LOCK_SPIN; spin++) {
    if (Atomics.load(mem, i) === 0) {
      c = Atomics.compareExchange(mem, i, 0, 1);
      if (c === 0) return false;
    }
  }
  // Sleep. Mark the lock contended first: whoever holds it will then wake us.
  // We take it as 2 ourselves (not 1), since other sleepers may remain.
  if (c !== 2) c = Atomics.exchange(mem, i, 2);
  while (c !== 0) {
    Atomics.wait(mem, i, 2);
    c = Atomics.exchange(mem, i, 2);
  }
  return true;
}

/** Releases the lock cell at `i`; throws if it was not held (a runtime bug). */
export function unlock(mem: Int32Array, i: number): void {
  const c = Atomics.exchange(mem, i, 0);
  if (c === 2) Atomics.notify(mem, i, 1);
  else if (c !== 1) throw new Error(`unlock of unlocked lock (cell ${i} was ${c})`);
}

/** noteclear: the note is not yet signalled. Only the sleeper clears its note. */
export function noteclear(mem: Int32Array, i: number): void {
  Atomics.store(mem, i, 0);
}

/** notewakeup: signal the note, waking its sleeper. A note is signalled at most once
 * between clears; a second wake-up is a runtime bug, as in the commit. */
export function notewakeup(mem: Int32Array, i: number): void {
  const old = Atomics.exchange(mem, i, 1);
  if (old !== 0) throw new Error(`notewakeup - double wakeup (cell ${i} was ${old})`);
  Atomics.notify(mem, i);
}

/** notesleep: block until the note is signalled. Returns true when it had to sleep. */
export function notesleep(mem: Int32Array, i: number): boolean {
  for (let spin = 0; spin < NOTE_SPIN; spin++) {
    if (Atomics.load(mem, i) !== 0) return false;
  }
  while (Atomics.load(mem, i) === 0) Atomics.wait(mem, i, 0);
  return true;
}
