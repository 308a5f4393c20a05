// sync.WaitGroup, sync.Mutex and sync.Once on the shared heap. Like Chan, each object is
// a record of heap words and each instance only its handle, so one passed to go() or sent
// on a channel is the same object everywhere. A goroutine that waits parks (status
// "semacquire", as Go's sync package shows it) and its M sleeps on its note.

import { showValue } from './show-value.js';
import { lock, unlock } from '../sched/index.js';
import { HANDLE_KEY, registerHandle } from './codec.js';
import { cur } from './context.js';
import { checkHome } from './heap.js';
import { fatal, gopark, goready, running } from './park.js';
import { SG_G, acquireSudog, dequeue, enqueue, enqueueFront, releaseSudog } from './sudog.js';
import { WR_SEMACQUIRE } from './waitreason.js';

// Record words shared by the three: an internal lock, a value, a wait queue.
const R_LOCK = 0;
const R_VALUE = 1; // WaitGroup: the counter; Mutex: 1 while locked; Once: 1 once done
const R_Q = 2; // two words
const R_MU = 4; // Once: its Mutex's record
const R_WORDS = 6;

function newRecord(what: string): { ref: number; rt: number } {
  const heap = cur(what).heap;
  return { ref: heap.allocWords(R_WORDS), rt: heap.id };
}

/** The heap words of handle h, after checking h belongs to this Runtime. */
function mine(h: { rt: number; ref: number }, what: string): Int32Array {
  const heap = cur(what).heap;
  checkHome(heap, h, what);
  return heap.mem;
}

/** Wakes every goroutine on the queue at r; call with r's lock held, drops it. */
function wakeAll(r: number, what: string): void {
  const c = cur(what);
  const mem = c.heap.mem;
  const woken: number[] = [];
  for (let sg; (sg = dequeue(c.heap, r + R_Q)) !== 0; ) woken.push(mem[sg + SG_G]!);
  unlock(mem, r + R_LOCK);
  for (const g of woken) goready(c, g);
}

/** Parks the running goroutine on the queue at r; call with r's lock held. */
function semacquire(r: number, what: string): void {
  const c = running(what);
  const mem = c.heap.mem;
  const sg = acquireSudog(c.heap, c.g);
  enqueue(mem, r + R_Q, sg);
  gopark(c, WR_SEMACQUIRE, () => unlock(mem, r + R_LOCK));
  releaseSudog(c.heap, sg);
}

/** sync.WaitGroup: wait blocks until the counter, moved by add and done, is zero. */
export class WaitGroup {
  readonly [HANDLE_KEY] = 'waitgroup';
  readonly ref: number;
  readonly rt: number;

  constructor() {
    ({ ref: this.ref, rt: this.rt } = newRecord('new WaitGroup'));
  }

  /** Adds delta to the counter; at zero, every waiter wakes. Panics "sync: negative
   * WaitGroup counter" below zero. */
  add(delta: number): void {
    if (!Number.isInteger(delta)) throw new TypeError(`WaitGroup.add: delta must be an integer, got ${showValue(delta)}`);
    const mem = mine(this, 'WaitGroup.add');
    const r = this.ref;
    lock(mem, r + R_LOCK);
    const v = mem[r + R_VALUE]! + delta;
    if (v > 0x7fffffff) {
      // The counter is an int32, as Go's; wrapping would read as negative.
      unlock(mem, r + R_LOCK);
      throw new RangeError(`WaitGroup.add: the counter would pass 2147483647 (it is ${v - delta}, delta ${delta})`);
    }
    if (v < 0) {
      unlock(mem, r + R_LOCK);
      throw new Error('sync: negative WaitGroup counter');
    }
    Atomics.store(mem, r + R_VALUE, v);
    if (v === 0) wakeAll(r, 'WaitGroup.add');
    else unlock(mem, r + R_LOCK);
  }

  done(): void {
    this.add(-1);
  }

  /** Blocks until the counter is zero. */
  wait(): void {
    const c = running('WaitGroup.wait');
    checkHome(c.heap, this, 'WaitGroup.wait');
    const mem = c.heap.mem;
    const r = this.ref;
    lock(mem, r + R_LOCK);
    if (mem[r + R_VALUE] === 0) {
      unlock(mem, r + R_LOCK);
      return;
    }
    semacquire(r, 'WaitGroup.wait');
  }
}
registerHandle('waitgroup', WaitGroup.prototype);

/**
 * sync.Mutex. The state word holds the locked bit and the number of waiters (the rest
 * of the word), so that lock and unlock without waiters are one compare-and-swap each.
 * Unlock wakes one waiter, which then competes for the mutex again (Go's normal mode:
 * a running goroutine may take it first, which keeps a contended mutex moving instead
 * of paying a thread wake-up per handover); a waiter that loses goes back to the front
 * of the queue. Rejected: handing the mutex straight to the woken waiter, which measured
 * one futex wake-up per lock under contention (tens of microseconds on 2 cores).
 */
export class Mutex {
  readonly [HANDLE_KEY] = 'mutex';
  readonly ref: number;
  readonly rt: number;

  constructor() {
    ({ ref: this.ref, rt: this.rt } = newRecord('new Mutex'));
  }

  lock(): void {
    const c = running('Mutex.lock');
    checkHome(c.heap, this, 'Mutex.lock');
    const mem = c.heap.mem;
    const r = this.ref;
    if (Atomics.compareExchange(mem, r + R_VALUE, 0, MUTEX_LOCKED) === 0) return;
    let woken = false;
    lock(mem, r + R_LOCK);
    for (;;) {
      const v = Atomics.load(mem, r + R_VALUE);
      if ((v & MUTEX_LOCKED) === 0) {
        if (Atomics.compareExchange(mem, r + R_VALUE, v, v | MUTEX_LOCKED) === v) break;
        continue;
      }
      // Count ourselves a waiter; unlock, which takes R_LOCK when there are waiters,
      // cannot then miss us.
      if (Atomics.compareExchange(mem, r + R_VALUE, v, v + MUTEX_WAITER) !== v) continue;
      const sg = acquireSudog(c.heap, c.g);
      if (woken) enqueueFront(mem, r + R_Q, sg);
      else enqueue(mem, r + R_Q, sg);
      gopark(c, WR_SEMACQUIRE, () => unlock(mem, r + R_LOCK));
      releaseSudog(c.heap, sg);
      woken = true;
      lock(mem, r + R_LOCK);
    }
    unlock(mem, r + R_LOCK);
  }

  /** Locks if free; reports whether it did. Never blocks. */
  tryLock(): boolean {
    const mem = mine(this, 'Mutex.tryLock');
    const r = this.ref;
    for (;;) {
      const v = Atomics.load(mem, r + R_VALUE);
      if ((v & MUTEX_LOCKED) !== 0) return false;
      if (Atomics.compareExchange(mem, r + R_VALUE, v, v | MUTEX_LOCKED) === v) return true;
    }
  }

  /** Unlocking an unlocked mutex is a fatal error, as in Go (not a recoverable panic). */
  unlock(): void {
    const c = cur('Mutex.unlock');
    checkHome(c.heap, this, 'Mutex.unlock');
    const mem = c.heap.mem;
    const r = this.ref;
    if (Atomics.compareExchange(mem, r + R_VALUE, MUTEX_LOCKED, 0) === MUTEX_LOCKED) return;
    if ((Atomics.load(mem, r + R_VALUE) & MUTEX_LOCKED) === 0) fatal(new Error('sync: unlock of unlocked mutex'));
    lock(mem, r + R_LOCK);
    const sg = dequeue(c.heap, r + R_Q);
    // Waiters change only under R_LOCK, which we hold; the locked bit is ours to clear.
    Atomics.sub(mem, r + R_VALUE, MUTEX_LOCKED + (sg !== 0 ? MUTEX_WAITER : 0));
    unlock(mem, r + R_LOCK);
    if (sg !== 0) goready(c, mem[sg + SG_G]!);
  }
}
const MUTEX_LOCKED = 1;
const MUTEX_WAITER = 2;
registerHandle('mutex', Mutex.prototype);

/** sync.Once: do runs f the first time it is called on this Once, from any goroutine;
 * other callers wait until that call has returned. */
export class Once {
  readonly [HANDLE_KEY] = 'once';
  readonly ref: number;
  readonly rt: number;

  constructor() {
    ({ ref: this.ref, rt: this.rt } = newRecord('new Once'));
    cur('new Once').heap.mem[this.ref + R_MU] = new Mutex().ref;
  }

  do(f: () => void): void {
    if (typeof f !== 'function') throw new TypeError(`Once.do: f must be a function, got ${showValue(f)}`);
    const mem = mine(this, 'Once.do');
    if (Atomics.load(mem, this.ref + R_VALUE) === 1) return;
    const mu = Object.create(Mutex.prototype) as Mutex;
    Object.assign(mu, { [HANDLE_KEY]: 'mutex', ref: mem[this.ref + R_MU]!, rt: this.rt });
    mu.lock();
    try {
      if (Atomics.load(mem, this.ref + R_VALUE) === 0) {
        // As in Go, f counts as done even if it throws.
        try {
          f();
        } finally {
          Atomics.store(mem, this.ref + R_VALUE, 1);
        }
      }
    } finally {
      mu.unlock();
    }
  }
}
registerHandle('once', Once.prototype);
