// sync.WaitGroup, sync.Mutex and sync.Once on the shared heap. Like Chan, each object is
// a record of heap words and each instance only its handle, so one passed to go() or sent
// on a channel is the same object everywhere. A goroutine that waits parks (status
// "semacquire", as Go's sync package shows it) and its M sleeps on its note.

import { lock, unlock } from '../sched/index.js';
import { HANDLE_KEY, registerHandle } from './codec.js';
import { cur } from './context.js';
import { fatal, gopark, goready, running } from './park.js';
import { SG_G, acquireSudog, dequeue, enqueue, releaseSudog } from './sudog.js';
import { WR_SEMACQUIRE } from './waitreason.js';

// Record words shared by the three: an internal lock, a value, a wait queue.
const R_LOCK = 0;
const R_VALUE = 1; // WaitGroup: the counter; Mutex: 1 while locked; Once: 1 once done
const R_Q = 2; // two words
const R_MU = 4; // Once: its Mutex's record
const R_WORDS = 6;

function newRecord(what: string): number {
  return cur(what).heap.allocWords(R_WORDS);
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

  constructor() {
    this.ref = newRecord('new WaitGroup');
  }

  /** Adds delta to the counter; at zero, every waiter wakes. Panics "sync: negative
   * WaitGroup counter" below zero. */
  add(delta: number): void {
    if (!Number.isInteger(delta)) throw new TypeError(`WaitGroup.add: delta must be an integer, got ${String(delta)}`);
    const mem = cur('WaitGroup.add').heap.mem;
    const r = this.ref;
    lock(mem, r + R_LOCK);
    const v = mem[r + R_VALUE]! + delta;
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
    const mem = running('WaitGroup.wait').heap.mem;
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

/** sync.Mutex. Unlock hands the mutex straight to the longest waiter (FIFO, no barging
 * once anyone waits), so a waiter cannot starve. */
export class Mutex {
  readonly [HANDLE_KEY] = 'mutex';
  readonly ref: number;

  constructor() {
    this.ref = newRecord('new Mutex');
  }

  lock(): void {
    const mem = running('Mutex.lock').heap.mem;
    const r = this.ref;
    // Fast path: free and nobody waiting (a waiter would have been handed it).
    if (Atomics.compareExchange(mem, r + R_VALUE, 0, 1) === 0) return;
    lock(mem, r + R_LOCK);
    if (Atomics.compareExchange(mem, r + R_VALUE, 0, 1) === 0) {
      unlock(mem, r + R_LOCK);
      return;
    }
    // Unlock happens under R_LOCK, so it cannot miss us once we are queued.
    semacquire(r, 'Mutex.lock');
  }

  /** Locks if free; reports whether it did. Never blocks. */
  tryLock(): boolean {
    const mem = cur('Mutex.tryLock').heap.mem;
    return Atomics.compareExchange(mem, this.ref + R_VALUE, 0, 1) === 0;
  }

  /** Unlocking an unlocked mutex is a fatal error, as in Go (not a recoverable panic). */
  unlock(): void {
    const c = cur('Mutex.unlock');
    const mem = c.heap.mem;
    const r = this.ref;
    lock(mem, r + R_LOCK);
    if (Atomics.load(mem, r + R_VALUE) === 0) {
      unlock(mem, r + R_LOCK);
      fatal(new Error('sync: unlock of unlocked mutex'));
    }
    const sg = dequeue(c.heap, r + R_Q);
    if (sg === 0) {
      Atomics.store(mem, r + R_VALUE, 0);
      unlock(mem, r + R_LOCK);
      return;
    }
    // Handed over: R_VALUE stays 1, now the waiter's.
    unlock(mem, r + R_LOCK);
    goready(c, mem[sg + SG_G]!);
  }
}
registerHandle('mutex', Mutex.prototype);

/** sync.Once: do runs f the first time it is called on this Once, from any goroutine;
 * other callers wait until that call has returned. */
export class Once {
  readonly [HANDLE_KEY] = 'once';
  readonly ref: number;

  constructor() {
    this.ref = newRecord('new Once');
    cur('new Once').heap.mem[this.ref + R_MU] = new Mutex().ref;
  }

  do(f: () => void): void {
    const mem = cur('Once.do').heap.mem;
    if (Atomics.load(mem, this.ref + R_VALUE) === 1) return;
    const mu = Object.create(Mutex.prototype) as Mutex & { ref: number };
    Object.assign(mu, { [HANDLE_KEY]: 'mutex', ref: mem[this.ref + R_MU]! });
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
