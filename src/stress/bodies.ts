// The stress run's goroutines. Each runs on its own M (worker thread).
//
// Workers mix system calls of every length (none, a short spin, a real Atomics.wait on a
// private cell), gosched, park (readied by another goroutine) and the readying of parked
// peers, and now and then start a short-lived goroutine. Two controller goroutines run
// at the same time: one stops and starts the world (and sets GOMAXPROCS while the world
// is stopped), the other moves GOMAXPROCS between phases with spare cpus and phases with
// a full run queue, and changes the profiling rate. Every goroutine marks its stints for
// the purpose check (purpose.ts).
//
// park and ready come straight from src/sched: the stress tests the scheduler's own
// parking, not a channel built on it.

import {
  GOMAXPROCS, go, gosched, startTheWorld, stopTheWorld, userWords, whoami,
} from '../runtime/goroutine.js';
import { current } from '../runtime/context.js';
import { G_STATUS, G_STRIDE, Grunning, park, ready, setcpuprofilerate } from '../sched/index.js';
import { Stint } from './purpose.js';
import {
  CONTROLLERS, SLOT_G, SLOT_PARK, U_ALIVE, U_BLOCKING, U_CONTROLLERS_UP, U_FINISHED, U_PARKS, U_PROCS_CHANGES,
  U_ABORT, U_PROFILE_CHANGES, U_PROGRESS, U_READIES, U_SPAWNED, U_STOPPED_WORLD_BAD, U_STW, U_SYSCALLS, U_TIME_UP, slot,
} from './words.js';

/** How many short-lived goroutines may be alive at once (each holds an M). */
export const MAX_ALIVE = 3;

class Rand {
  private x: number;
  constructor(seed: number) { this.x = (seed >>> 0) || 1; }
  next(): number {
    let x = this.x;
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    this.x = x >>> 0;
    return this.x;
  }
  below(n: number): number { return this.next() % n; }
}

/** A goroutine of the stress with its stint marks and syscall count. */
class Body {
  readonly u = userWords();
  readonly c = current;
  readonly stint: Stint;
  syscalls = 0;
  private readonly cell = new Int32Array(new SharedArrayBuffer(4));
  constructor(readonly k: number) {
    this.stint = new Stint(this.c.s, this.u, k);
    this.stint.enter();
  }

  /** One system call: `kind` 0 none, 1 a short spin, 2 a real blocking wait. */
  syscall(kind: number, rand: Rand): void {
    const c = this.c;
    this.stint.leave();
    c.entersyscall(c.s, c.m, c.g);
    if (kind === 1) {
      for (let i = 20 + rand.below(400); i > 0; i--) Atomics.load(this.cell, 0);
    } else if (kind === 2) {
      Atomics.wait(this.cell, 0, 0, 0.02 + rand.below(100) / 100);
      Atomics.add(this.u, U_BLOCKING, 1);
    }
    c.exitsyscall(c.s, c.m, c.g);
    this.stint.enter();
    this.syscalls++;
  }

  gosched(): void {
    this.stint.leave();
    gosched();
    this.stint.enter();
  }

  /** Park until another goroutine readies this one (it took the announcement). */
  park(): void {
    const c = this.c;
    Atomics.store(this.u, slot(this.k, SLOT_PARK), 1);
    // Some Go code between the announcement and the park, so that readiers often find
    // this goroutine still on its M (ready's readyonstop path): wait a little for the
    // ready to be taken before parking (parking after it is taken is still correct).
    for (let i = 0; i < 3000 && Atomics.load(this.u, slot(this.k, SLOT_PARK)) === 1; i++);
    this.stint.leave();
    const next = park(c.s, c.m, c.g);
    if (next !== c.g) throw new Error(`park: m${c.m} was handed g${next} while g${c.g} is on its stack`);
    this.stint.enter();
    Atomics.add(this.u, U_PARKS, 1);
  }

  /** Ready worker slot j if it announced a park; reports whether it did. */
  readyPeer(j: number): boolean {
    if (Atomics.compareExchange(this.u, slot(j, SLOT_PARK), 1, 0) !== 1) return false;
    const c = this.c;
    this.stint.leave();
    ready(c.s, c.m, this.u[slot(j, SLOT_G)]!);
    this.stint.resume();
    Atomics.add(this.u, U_READIES, 1);
    return true;
  }

  /** Ready every parked worker of slots CONTROLLERS..CONTROLLERS+workers-1. */
  readyAll(workers: number): void {
    for (let j = CONTROLLERS; j < CONTROLLERS + workers; j++) this.readyPeer(j);
  }

  finish(): void {
    this.stint.leave();
    Atomics.add(this.u, U_SYSCALLS, this.syscalls);
  }
}

/**
 * Worker slot k: until the owner says the time is up (and at least `minOps` operations),
 * a random mix of system calls, gosched, park, readying peers, and spawning.
 */
export function worker(k: number, workers: number, seed: number, minOps: number): void {
  const b = new Body(k);
  const u = b.u;
  const rand = new Rand(seed * 7919 + k);
  Atomics.store(u, slot(k, SLOT_G), whoami().g);
  // Start together with the controllers (their threads may start after ours).
  while (Atomics.load(u, U_CONTROLLERS_UP) < CONTROLLERS) b.syscall(2, rand);
  let ops = 0;
  // Counted as finished even if it throws, so that the controllers end and the panic
  // surfaces instead of a run that never ends.
  try {
    while ((ops < minOps || Atomics.load(u, U_TIME_UP) === 0) && Atomics.load(u, U_ABORT) === 0) {
      const r = rand.below(1000);
      if (r < 700) {
        // A burst of zero-length calls: the commit's fast paths back to back.
        for (let i = 0; i < 20; i++) b.syscall(0, rand);
      } else if (r < 850) {
        b.syscall(1, rand);
      } else if (r < 930) {
        b.syscall(2, rand);
      } else if (r < 960) {
        b.gosched();
      } else if (r < 985) {
        // Park only while another worker still runs to ready us (the controllers also do).
        b.park();
      } else {
        // Two at once where room allows: in a full-queue phase the second waits on the run
        // queue, and the first one's M picks it up when it ends (nextgandunlock's queue).
        for (let i = 0; i < 2; i++) {
          if (Atomics.add(u, U_ALIVE, 1) >= MAX_ALIVE) {
            Atomics.add(u, U_ALIVE, -1);
            break;
          }
          Atomics.add(u, U_SPAWNED, 1);
          b.stint.leave();
          go(import.meta.url, 'shortLived', rand.next(), 3);
          b.stint.resume();
        }
      }
      b.readyPeer(CONTROLLERS + rand.below(workers));
      ops++;
      Atomics.add(u, U_PROGRESS, 1);
    }
    b.readyAll(workers);
    b.finish();
  } finally {
    Atomics.add(u, U_FINISHED, 1);
  }
}

/** A goroutine that starts, makes a few system calls, starts its successor (`chain`
 * more) and ends. The successor is often still on the run queue when this goroutine's
 * M reaches nextgandunlock, which then runs it (an unwired g from the queue). Not marked
 * for the purpose check: it has no slot. */
export function shortLived(seed: number, chain: number): void {
  const c = current;
  const u = userWords();
  const rand = new Rand(seed);
  const n = 1 + rand.below(50);
  for (let i = 0; i < n; i++) {
    c.entersyscall(c.s, c.m, c.g);
    c.exitsyscall(c.s, c.m, c.g);
  }
  Atomics.add(u, U_SYSCALLS, n);
  if (chain > 0) {
    Atomics.add(u, U_ALIVE, 1);
    Atomics.add(u, U_SPAWNED, 1);
    go(import.meta.url, 'shortLived', rand.next(), chain - 1);
  }
  Atomics.add(u, U_ALIVE, -1);
}

/** Runs `round` until every worker finished, readying parked workers meanwhile. */
function controllerLoop(b: Body, workers: number, round: (i: number) => void): void {
  const u = b.u;
  Atomics.add(u, U_CONTROLLERS_UP, 1);
  for (let i = 0; Atomics.load(u, U_FINISHED) < workers; i++) {
    round(i);
    b.readyAll(workers);
  }
  b.finish();
}

/**
 * Controller slot 0, the collector's part: stop the world, check that no other goroutine
 * is running, sometimes set GOMAXPROCS while it is stopped (gomaxprocsfunc's gcwaiting
 * branch), start the world, pause inside a system call of random length.
 */
export function stwController(workers: number, seed: number, gTableBase: number, gRows: number, maxProcs: number): void {
  const b = new Body(0);
  const u = b.u;
  const mem = new Int32Array(u.buffer);
  const self = whoami().g;
  const rand = new Rand(seed);
  controllerLoop(b, workers, () => {
    b.stint.leave();
    stopTheWorld();
    b.stint.resume();
    // Stopped: no other goroutine executes Go code, so none is Grunning. (mcpu itself may
    // read 2 for a moment: exitsyscall's slow path counts itself in before the scheduler
    // takes it out again, as the commit's comment there says.)
    for (let g = 0; g < gRows; g++) {
      if (g !== self && mem[gTableBase + g * G_STRIDE + G_STATUS] === Grunning) Atomics.add(u, U_STOPPED_WORLD_BAD, 1);
    }
    if (rand.below(4) === 0) {
      b.stint.leave();
      GOMAXPROCS(1 + rand.below(maxProcs));
      b.stint.resume();
      Atomics.add(u, U_PROCS_CHANGES, 1);
    }
    Atomics.add(u, U_STW, 1);
    b.stint.leave();
    startTheWorld();
    b.stint.resume();
    b.syscall(rand.below(3), rand);
  });
}

/**
 * Controller slot 1: GOMAXPROCS up and down in phases, alternately with spare cpus
 * (more slots than goroutines: the fast paths, no queue) and with a full run queue
 * (one or two slots for everyone), and now and then a new profiling rate (exitsyscall's
 * profilehz branch). Overlaps the stop-the-world controller, so some calls land while
 * the world is being stopped.
 */
export function procsController(workers: number, seed: number, phaseRounds: number): void {
  const b = new Body(1);
  const u = b.u;
  const rand = new Rand(seed ^ 0x5bd1e995);
  const c = b.c;
  controllerLoop(b, workers, (i) => {
    const spare = Math.floor(i / phaseRounds) % 2 === 0;
    const n = spare ? workers + CONTROLLERS + rand.below(3) : 1 + rand.below(2);
    b.stint.leave();
    GOMAXPROCS(n);
    b.stint.resume();
    Atomics.add(u, U_PROCS_CHANGES, 1);
    if (rand.below(16) === 0) {
      b.stint.leave();
      setcpuprofilerate(c.s, c.m, rand.below(2) * 100);
      b.stint.resume();
      Atomics.add(u, U_PROFILE_CHANGES, 1);
    }
    b.syscall(1 + rand.below(2), rand);
  });
}
