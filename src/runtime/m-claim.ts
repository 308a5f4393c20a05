// How an M row finds a thread: a ticket dispenser in a small SharedArrayBuffer of its own,
// beside the scheduler's (the scheduler knows nothing of threads; see m-pool.ts).
//
// M rows are handed out in order (newm takes row mcount), so the rows that want a thread
// are exactly [claimed, requested). newosproc publishes row m by raising `requested` to
// m + 1 and waking one waiting thread; a started thread that has no row yet (a spare)
// takes the lowest unclaimed row with one compare-and-swap, or sleeps on `requested`.
// Whichever thread publishes (the owner or an M inside entersyscall) hands the row to a
// spare without a message round trip through the owning thread, so a goroutine that
// blocks gets a thread for the next one in microseconds when a spare is ready.
//
// Rejected: a thread started per M row on demand (the owner posts `new Worker` when the
// M asks): starts are serialised behind each goroutine that blocks, so a batch of
// blocking goroutines pays one thread start per goroutine, one after another.

/** Int32 cells of the control buffer. */
export const C_REQUESTED = 0; // M rows published so far (= the next row + 1)
export const C_CLAIMED = 1; // M rows a thread has taken
export const CONTROL_WORDS = 2;

export function newControl(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * 4));
}

/** newosproc's half: row m wants a thread. Called with schedlock held (rows are
 * published in order and one at a time); never blocks. */
export function publishM(ctl: Int32Array, m: number): void {
  Atomics.store(ctl, C_REQUESTED, m + 1);
  Atomics.notify(ctl, C_REQUESTED, 1);
}

/** A spare thread's half: blocks until a row is published that no other thread took,
 * and returns it. */
export function claimM(ctl: Int32Array): number {
  for (;;) {
    const requested = Atomics.load(ctl, C_REQUESTED);
    const claimed = Atomics.load(ctl, C_CLAIMED);
    if (claimed < requested) {
      if (Atomics.compareExchange(ctl, C_CLAIMED, claimed, claimed + 1) === claimed) return claimed;
      continue;
    }
    // Returns at once if a row was published since the load above: no wake-up is lost.
    Atomics.wait(ctl, C_REQUESTED, requested);
  }
}
