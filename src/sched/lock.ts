// Locks and notes on Int32 cells of the shared memory.
//
// schedlock is the one lock every M takes on the scheduler's slow paths (both protocols
// use it: the comparison between them must measure the protocol, never a difference of
// locks). Its invariant, the one models/liveness-wired proves `exits` with:
//
//   a thread waiting for schedlock is never overtaken for ever: once it has waited longer
//   than STARVE_MS it joins a FIFO of starving waiters, and while that FIFO is not empty
//   an unlock does not free the lock but hands it, still held, to the FIFO's head; so
//   after the threshold it waits for at most one hold per thread ahead of it.
//
// Normal mode is the commit's barging futex lock (lock_futex.c's shape): a releasing
// thread may retake the lock ahead of a sleeper, which costs nothing while the lock is
// short-held and keeps the lock fast. Starvation mode is the idea of modern Go's
// sync.Mutex (src/sync/mutex.go): ownership passes directly to the longest waiter, and
// newcomers may not barge, until the starving waiters are served.
//
// Rejected:
//   - the commit's barging lock alone (the `lock`/`unlock` pair below, which the runtime's
//     channel, heap and sync locks still use): an M that yields in a loop releases and
//     retakes schedlock before a woken sleeper can run (a futex wake is 8-18 us, the
//     retake a few ns), for ever; the `exits` trail of models/liveness-wired (mutant
//     schedlock_barging) is that cycle;
//   - a plain ticket lock (always FIFO): every release hands the lock to the next ticket,
//     and when that holder sleeps on its futex the lock stays held, idle, for a whole
//     wake-up while runnable threads queue behind it: a convoy, which on 2 cores turns
//     every contended schedlock into a 10-20 us round trip;
//   - deciding starvation by a count of failed wake-ups instead of time: a waiter that
//     is never woken (notify wakes the oldest sleeper first) would never count.
//
// Starvation is decided only by an Atomics.wait that times out (its timeout is what is
// left of the waiter's STARVE_MS): a waiter woken with time left goes back to barging.
// So the clock never decides anything by itself, which keeps the explorer's runs
// deterministic (there a timed wait may time out whenever the search chooses, as time
// is a choice in models/gosched-wired.pml).
//
// The lock is three words at `at`:
//   at+0 state: LOCKED (bit 0), SLEEPERS (bit 1: a thread may sleep on this word, so a
//        release that frees the lock must wake one), and from bit 2 up the number of
//        starving waiters that have committed to the FIFO and not yet been handed the
//        lock. A free lock is 0: nobody commits to the FIFO of a free lock, so a count
//        > 0 implies LOCKED, and the release that frees it writes 0.
//   at+1 tail: tickets taken by starving waiters (Atomics.add, in FIFO order).
//   at+2 grant: hand-offs made; ticket t owns the lock once grant > t (mod 2^32).
// A starving waiter first commits (the count, by compare-and-swap on the state, only
// while LOCKED), then takes its ticket. An unlock that sees the count > 0 decrements it,
// leaves LOCKED set and increments grant: whichever ticket is next owns the lock, even
// if its taker has committed but not yet taken it (it then owns the lock on taking it).
// Hand-offs never outnumber commitments, so grant never passes a ticket nobody takes.
//
// notes (noteclear/notewakeup/notesleep) are the commit's, unchanged.

/** How many times to re-test a busy lock before sleeping. Critical sections under
 * schedlock are short, so a brief spin usually wins; a sleep costs a futex round trip
 * (8-18 us in Node), a spin iteration a few ns. */
const LOCK_SPIN = 200;
/** How many times to re-test a note before sleeping on it. */
const NOTE_SPIN = 2000;

// --- the barging lock, on one cell -----------------------------------------------------
// A cell holds 0 (unlocked), 1 (locked) or 2 (locked, and a thread may be sleeping on
// it): the classic three-state futex mutex, the shape of the commit's lock_futex.c. The
// runtime's short locks (channels, the heap, sync) use it: one word each, and a waiter
// there is one goroutine among few. schedlock does not (see the header).

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

// --- schedlock's lock: barging until a waiter starves, then FIFO hand-off --------------

/** Words a no-starve lock occupies (state, tail, grant): see the header. */
export const NOSTARVE_WORDS = 3;
const LOCKED = 1;
const SLEEPERS = 2;
/** One starving waiter in the state word's count (bits 2 and up). */
const STARVER = 4;
/** How long a waiter barges before it joins the FIFO of starving waiters: sync.Mutex's
 * 1 ms. Long against a schedlock hold (well under a microsecond) and a futex wake-up
 * (8-18 us), so starvation mode starts only when barging has really overtaken a waiter
 * many times over; short enough that no M waits for a cpu for long. */
export const STARVE_MS = 1;

/** Acquires the no-starve lock at `at` (NOSTARVE_WORDS words). Returns true when the
 * caller had to sleep. `starveMs` is for tests: Infinity gives the barging lock back. */
export function lockNoStarve(mem: Int32Array, at: number, starveMs: number = STARVE_MS): boolean {
  if (Atomics.compareExchange(mem, at, 0, LOCKED) === 0) return false;
  return lockNoStarveSlow(mem, at, starveMs);
}

function lockNoStarveSlow(mem: Int32Array, at: number, starveMs: number): boolean {
  for (let spin = 0; spin < LOCK_SPIN; spin++) {
    if (Atomics.load(mem, at) === 0 && Atomics.compareExchange(mem, at, 0, LOCKED) === 0) return false;
  }
  const deadline = performance.now() + starveMs;
  for (;;) {
    const s = Atomics.load(mem, at);
    if (s === 0) {
      // Free: take it as contended (SLEEPERS), since other sleepers may remain.
      if (Atomics.compareExchange(mem, at, 0, LOCKED | SLEEPERS) === 0) return true;
      continue;
    }
    // Held (a count > 0 implies LOCKED). Mark that a sleeper may be here, then sleep
    // until the word changes; the release that frees the lock sees SLEEPERS and wakes us.
    if ((s & SLEEPERS) === 0 && Atomics.compareExchange(mem, at, s, s | SLEEPERS) !== s) continue;
    const left = deadline - performance.now();
    if (Atomics.wait(mem, at, s | SLEEPERS, left > 0 ? left : 0) === 'timed-out') return lockStarving(mem, at);
  }
}

/** The waiter has starved: commit to the FIFO (only while the lock is held), take a
 * ticket, and sleep until grant passes it. A lock found free is simply taken. */
function lockStarving(mem: Int32Array, at: number): true {
  for (;;) {
    const s = Atomics.load(mem, at);
    if (s === 0) {
      if (Atomics.compareExchange(mem, at, 0, LOCKED | SLEEPERS) === 0) return true;
    } else if (Atomics.compareExchange(mem, at, s, s + STARVER) === s) {
      break;
    }
  }
  const ticket = Atomics.add(mem, at + 1, 1);
  for (;;) {
    const g = Atomics.load(mem, at + 2);
    // grant > ticket, modulo 2^32 (fewer than 2^31 waiters are ever outstanding).
    if (((g - ticket - 1) | 0) >= 0) return true;
    Atomics.wait(mem, at + 2, g);
  }
}

/** Releases the no-starve lock at `at`: frees it, or hands it to the next starving
 * waiter while one has committed. Throws if it was not held (a runtime bug). */
export function unlockNoStarve(mem: Int32Array, at: number): void {
  // Uncontended: one compare-and-swap.
  if (Atomics.compareExchange(mem, at, LOCKED, 0) === LOCKED) return;
  for (;;) {
    const s = Atomics.load(mem, at);
    if ((s & LOCKED) === 0) throw new Error(`unlock of unlocked lock (cell ${at} was ${s})`);
    if (s >= STARVER) {
      // Hand-off: the lock stays held; the next ticket owns it.
      if (Atomics.compareExchange(mem, at, s, s - STARVER) !== s) continue;
      Atomics.add(mem, at + 2, 1);
      Atomics.notify(mem, at + 2);
      return;
    }
    if (Atomics.compareExchange(mem, at, s, 0) !== s) continue;
    if (s & SLEEPERS) Atomics.notify(mem, at, 1);
    return;
  }
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
