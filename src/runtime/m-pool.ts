// The threads of a Runtime: worker threads started ahead of need (minThreads) or when M
// rows have waited for one, all together, about a thread start's time,
// handed to M rows through the ticket dispenser of m-claim.ts, and unreferenced so that
// they never keep the process alive by themselves.
//
// Start policy. A thread start costs tens of milliseconds of CPU (a new V8 isolate and
// the M's modules: 30-60 ms here), far more than anything the scheduler does, and it
// takes that CPU from the goroutines that run. So:
//   - `minThreads` threads start with the Runtime, all at once, and wait for rows;
//   - while no M has a thread yet, or no goroutine is in a system call (no M will free
//     soon: goroutines blocked on channels wait for each other), every row the scheduler
//     publishes gets its thread at once (rows published in one turn of the owner's event
//     loop start together);
//   - otherwise rows whose g waits for a thread (the scheduler's fresh M's: see
//     src/sched/handoff.ts, mstealfresh) get one once they have waited, all together,
//     about one thread start's time (startMs, measured) since a thread was last started
//     for them: the rent, in slot-milliseconds (each waiting row holds a cpu slot idle),
//     summed over every wait of the burst, so that rows served after a few milliseconds
//     each, again and again, add up to a thread too. Meanwhile an M whose goroutine
//     ends takes such a g, or a goroutine back from its system call takes its cpu slot,
//     and no thread is started. This is the ski rental bound: paying in waits as much as
//     a start costs, then starting, costs at most twice the best choice made knowing
//     when M's free; starting at once cost a thread (and its 10 MB) for nearly every row
//     in a batch that blocks briefly, each taking cpu from the goroutines computing.
//     Rejected: the rent of one wait only (a row that waits a start's time in a row, as
//     first written): a batch that keeps a few rows waiting a few milliseconds at a
//     time, such as 200 tasks that block 10 ms then compute 2 ms, never paid it, and ran
//     on 7 threads with the cores half idle (2.4x the ideal time, measured).
//     The owner looks every RENT_POLL_MS while rows wait (rows are served without a
//     message to it), and forgets the rent once no row has waited for RENT_FORGET starts.
//   Rejected: spare threads started ahead of need in proportion to the M's there are (3
//   per M, then one per core): spares make a new row's g run in microseconds, but they
//   are started for rows that an M about to free would serve sooner, and the starts
//   share the cores with the goroutines (measured: 60 to 90 threads started per batch of
//   200 that block 10 ms, for 20 to 30 M's used).
//
// Lifetime. Worker threads are unref()'d from birth: an idle M (or a spare) is parked in
// Atomics.wait forever and must not hold the process. The Runtime holds the process with
// one referenced handle while it has work outstanding (hold(true)), so `close()` is
// optional: a program whose goroutines are done exits.

import type { MessagePort, Worker } from 'node:worker_threads';
import { startWorker, threadExecArgv } from './worker-start.js';
import { NIL } from '../sched/index.js';
import { C_CLAIMED, C_REQUESTED, newControl, publishM } from './m-claim.js';
import type { MMessage } from './messages.js';

/** V8 heap limits of a thread (the subset of node:worker_threads' ResourceLimits that a
 * Runtime passes on; declared here so that users need no Node type declarations). */
export interface ThreadLimits {
  maxYoungGenerationSizeMb?: number | undefined;
  maxOldGenerationSizeMb?: number | undefined;
  codeRangeSizeMb?: number | undefined;
  stackSizeMb?: number | undefined;
}

export interface PoolOptions {
  /** Threads started with the Runtime, before any goroutine needs them. */
  minThreads: number;
  /** The M table's size: no more threads than this are ever started. */
  maxm: number;
  /** V8 heap limits of each thread (see defaultResourceLimits). */
  resourceLimits: ThreadLimits;
}

/** The smallest heap settings with which the test suite and the benchmarks pass: an M
 * keeps little on its heap (the goroutine's own objects), and a small young generation
 * is what makes an idle thread small. A goroutine that needs more memory raises them
 * through RuntimeOptions.resourceLimits. The old-space limit is for size too: a bare
 * worker costs 8.1 MB of RSS with V8's default limit and 7.35 MB with any limit up to
 * 1536 (measured: 16 idle threads, RSS difference / 16, Node 20.20); from 2048 up it is
 * 8.1 MB again. */
export const defaultResourceLimits: ThreadLimits = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 1536 };

/** Bounds of the wait before a thread is started for a g that waits for one (ms). */
export const START_DELAY_MIN_MS = 5;
export const START_DELAY_MAX_MS = 100;

/** How often the owner looks at waiting rows while there are some (ms; see the header). */
export const RENT_POLL_MS = 2;
/** The rent is forgotten once no row has waited for this many thread starts' time. */
export const RENT_FORGET = 10;

/**
 * How many threads to start now for the rows whose g waits for a thread (`waiting`),
 * given the threads started that have no row yet (`coming`, they will serve those first),
 * whether an M may free soon (`mayFree`: some M has a thread and some goroutine is in a
 * system call), the slot-milliseconds rows have waited since a thread was last started
 * for them (`rentMs`) and a thread start's price in those (`delayMs`): see the header.
 */
export function threadsToStart(waiting: number, coming: number, mayFree: boolean, rentMs: number, delayMs: number): number {
  const want = waiting - coming;
  if (want <= 0) return 0;
  return !mayFree ? want : Math.min(want, Math.floor(rentMs / delayMs));
}

export interface PoolEvents {
  /** A message of an M for the Runtime (panic, exit, fatal). */
  message(msg: MMessage): void;
  /** A thread failed outside any goroutine, or exited unasked. */
  crash(m: number, message: string, stack: string): void;
  /** M rows from `claimed` on (rows below it have a thread on its way) handed a g whose
   * thread has not come yet (read without schedlock: a heuristic, checked again when the
   * wait is over). */
  waitingRows(claimed: number): number;
  /** Goroutines in a system call now (a hint): while there are none, no M will free
   * soon by a goroutine coming back and ending. */
  inSyscall(): number;
  /** What a new thread gets in its workerData besides the scheduler and the control
   * buffer, and what must be transferred with it. */
  threadData(): { data: Record<string, unknown>; transferList: MessagePort[] };
}

const workerUrl = new URL('./m-worker.js', import.meta.url);
const STUCK_AWAIT = ': nothing was left on its event loop, so its goroutine awaits a promise that can never settle; a goroutine waits for a promise as `await syscall(() => promise)`, which holds the thread (and no cpu slot) until it settles';

function stuckImport(url: string, goid: number): string {
  return `: nothing was left on its event loop while it imported ${url} for goroutine ${goid}, so that module's top-level code awaits a promise that can never settle`;
}

export class MPool {
  /** Shared with every thread: which M rows want a thread (m-claim.ts). */
  readonly ctl = newControl();
  private readonly workers = new Set<Worker>();
  /** The thread of each M row, once it has said which row it took. */
  private readonly byM = new Map<number, Worker>();
  /** undefined: threads inherit the owner's options (Node drops those a thread cannot take). */
  private execArgv = threadExecArgv();
  private readonly keepAlive: NodeJS.Timeout;
  private readyWaiters: (() => void)[] = [];
  private readyCount = 0;
  /** A thread could not be started: the Runtime is ending, no more are tried. */
  private startFailed = false;
  private demandQueued = false;
  /** Slot-milliseconds rows have waited for a thread since one was last started for them
   * (see the header), counted up to lastLook. */
  private rentMs = 0;
  /** When demand last looked and found `lastWant` rows waiting with no thread coming
   * (undefined: none). */
  private lastLook: number | undefined;
  private lastWant = 0;
  /** When a row was last seen waiting. */
  private lastWaited = -Infinity;
  private waitTimer: NodeJS.Timeout | undefined;
  /** A thread start's wall time, smoothed (the wait allowed before one: see the header). */
  private startMs = 30;
  /** Work is outstanding (hold), or Runtime.start waits for minThreads (warm). */
  private busy = false;
  private warming = false;
  private closed = false;

  constructor(private readonly buffer: SharedArrayBuffer, private readonly opts: PoolOptions, private readonly on: PoolEvents) {
    // A timer that never fires: the one referenced handle, held while work is outstanding.
    this.keepAlive = setInterval(() => {}, 2 ** 30);
    this.keepAlive.unref();
    this.ensure(Math.min(opts.minThreads, opts.maxm));
  }

  /** The scheduler's newosproc on the owning thread (schedlock held: must not block). */
  requestM(m: number): void {
    publishM(this.ctl, m);
    this.demandSoon(false);
  }

  /** The scheduler's freshm on the owning thread: a row whose thread has not come holds
   * a g again (schedlock held: must not block). */
  wantM(): void {
    this.demandSoon(false);
  }

  /** M rows that have (or are getting) a thread. */
  get mThreads(): number {
    return Atomics.load(this.ctl, C_REQUESTED);
  }

  /** The threads Runtime.start waits for: minThreads, never more than the M table holds. */
  private get warmTarget(): number {
    return Math.min(this.opts.minThreads, this.opts.maxm);
  }

  /** Threads started so far, spares included. */
  get started(): number {
    return this.workers.size;
  }

  /** The M rows whose thread has said which row it took. */
  rows(): number[] {
    return [...this.byM.keys()].sort((a, b) => a - b);
  }

  /** Holds the process alive (true) while goroutines or their outcomes are outstanding. */
  hold(busy: boolean): void {
    this.busy = busy;
    this.applyRef();
  }

  private applyRef(): void {
    if ((this.busy || this.warming) && !this.closed) this.keepAlive.ref();
    else this.keepAlive.unref();
  }

  /** Resolves once minThreads threads have loaded (they then wait for rows). */
  warm(): Promise<void> {
    if (this.readyCount >= this.warmTarget || this.closed) return Promise.resolve();
    // Threads starting are unreferenced: hold the process while start() awaits them.
    this.warming = true;
    this.applyRef();
    return new Promise((resolve) =>
      this.readyWaiters.push(() => {
        this.warming = false;
        this.applyRef();
        resolve();
      }),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.keepAlive);
    if (this.waitTimer !== undefined) clearTimeout(this.waitTimer);
    const ws = [...this.workers];
    this.workers.clear();
    this.byM.clear();
    for (const r of this.readyWaiters.splice(0)) r();
    await Promise.all(ws.map((w) => w.terminate()));
  }

  /** Rows published in one turn are served by threads started together, after the turn
   * (never under schedlock). */
  private demandSoon(fromM: boolean): void {
    if (fromM) {
      this.demand();
      return;
    }
    if (this.demandQueued) return;
    this.demandQueued = true;
    queueMicrotask(() => {
      this.demandQueued = false;
      this.demand();
    });
  }

  private demand(): void {
    if (this.closed) return;
    const claimed = Atomics.load(this.ctl, C_CLAIMED);
    const waiting = this.on.waitingRows(claimed);
    const coming = this.workers.size - claimed;
    const now = performance.now();
    const delay = Math.min(START_DELAY_MAX_MS, Math.max(START_DELAY_MIN_MS, this.startMs));
    // The rows seen at the last look waited until now (or were served in between: the
    // look every RENT_POLL_MS bounds that error).
    if (this.lastLook !== undefined) this.rentMs += (now - this.lastLook) * this.lastWant;
    const want = Math.max(0, waiting - coming);
    if (want > 0) this.lastWaited = now;
    else if (now - this.lastWaited > RENT_FORGET * delay) this.rentMs = 0;
    const mayFree = claimed > 0 && this.on.inSyscall() > 0;
    const start = threadsToStart(waiting, coming, mayFree, this.rentMs, delay);
    this.rentMs = Math.max(0, this.rentMs - start * delay);
    this.lastWant = want - start;
    this.lastLook = this.lastWant > 0 ? now : undefined;
    this.ensure(Math.min(this.opts.maxm, Math.max(this.opts.minThreads, this.workers.size + start)));
    if (this.lastWant > 0 && this.waitTimer === undefined) {
      // Look again soon (unreferenced: hold() keeps the process alive while goroutines
      // are outstanding).
      this.waitTimer = setTimeout(() => {
        this.waitTimer = undefined;
        this.demand();
      }, RENT_POLL_MS);
      this.waitTimer.unref();
    }
  }

  private ensure(threads: number): void {
    while (this.workers.size < threads && this.startThread());
  }

  private newWorker(): Worker {
    const { data, transferList } = this.on.threadData();
    const started = startWorker(workerUrl, {
      workerData: { ...data, buffer: this.buffer, ctl: this.ctl },
      transferList,
      resourceLimits: this.opts.resourceLimits,
    }, this.execArgv);
    this.execArgv = started.execArgv;
    return started.worker;
  }

  /** Starts a thread; false when Node could not (the Runtime is then ended). */
  private startThread(): boolean {
    const t0 = performance.now();
    let w: Worker;
    try {
      w = this.newWorker();
    } catch (err) {
      // new Worker throws when the system refuses a thread (EAGAIN). Thrown on from here,
      // the owner's microtask that starts threads, it would end the whole process: it is
      // the Runtime's fatal error instead (reported once the caller's turn is over, since
      // the Runtime may be still under construction).
      if (!this.startFailed) {
        this.startFailed = true;
        const e = err instanceof Error ? err : new Error(String(err));
        queueMicrotask(() => this.on.crash(NIL, `cannot start a thread for the Runtime: ${e.message} (the system refused a new thread: its limit on threads or on memory, or a stack of resourceLimits.stackSizeMb it cannot reserve)`, e.stack ?? ''));
      }
      return false;
    }
    let m = NIL;
    /** The module this thread imports for a goroutine now, if any (a top-level await). */
    let importing: { url: string; goid: number } | undefined;
    w.on('message', (msg: MMessage) => {
      switch (msg.type) {
        case 'importing':
          importing = msg.url === null ? undefined : { url: msg.url, goid: msg.goid };
          return;
        case 'ready':
          this.startMs = 0.7 * this.startMs + 0.3 * (performance.now() - t0);
          this.readyCount++;
          if (this.readyCount >= this.warmTarget) for (const r of this.readyWaiters.splice(0)) r();
          return;
        case 'claimed':
          m = msg.m;
          this.byM.set(m, w);
          // It may have taken a row other than the one it was started for (rows are
          // taken lowest first), and may run a queued g before it looks at the others:
          // count again.
          this.demandSoon(true);
          return;
        case 'newm':
          // A row (new, or fresh again) holds a g: it may want a thread.
          this.demandSoon(true);
          return;
        default:
          this.on.message(msg);
      }
    });
    w.on('error', (err) => this.on.crash(m, err.message, err.stack ?? ''));
    // A thread never returns, so an exit we did not ask for (close) is a crash. Code 0 is
    // Node ending a thread whose event loop ran empty: its goroutine awaits, outside
    // syscall() (which holds the thread), a promise nothing is left to settle; or, while
    // the thread imports the goroutine's module, that module's top-level await does.
    // (A worker's messages reach its 'message' listeners before its 'exit'.)
    w.on('exit', (code) => {
      if (!this.closed && this.workers.has(w)) {
        const why = code !== 0 || m === NIL ? ''
          : importing !== undefined ? stuckImport(importing.url, importing.goid) : STUCK_AWAIT;
        this.on.crash(m, `thread ${m === NIL ? '(spare, no M yet)' : `of m${m}`} exited with code ${code}${why}`, '');
      }
    });
    // After the listeners: adding a 'message' listener refs the worker's port again.
    w.unref();
    this.workers.add(w);
    return true;
  }
}
