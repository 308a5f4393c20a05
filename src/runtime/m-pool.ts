// The threads of a Runtime: worker threads started ahead of need or in parallel bursts,
// handed to M rows through the ticket dispenser of m-claim.ts, and unreferenced so that
// they never keep the process alive by themselves.
//
// Start policy. A thread start costs tens of milliseconds (a new V8 isolate and the M's
// modules), far more than anything the scheduler does, so:
//   - `minThreads` threads start with the Runtime, all at once, and wait for rows;
//   - every row the scheduler publishes in one turn of the owner's event loop gets its
//     thread started in that same turn (in parallel, never one after another);
//   - when an M asks for a new M (a goroutine blocked in a system call while others
//     wait), the Runtime also starts spares for the goroutines still queued: if those
//     block too, each needs a thread (the run queue is FIFO, so a goroutine back from its
//     call waits behind every queued one, and each of those holds a cpu slot while its
//     thread starts), and a spare takes a row in microseconds. Spares are at most the
//     live goroutines that have no M, and at most SPARE_FACTOR times the M's there are:
//     a burst of CPU-bound goroutines in which one blocks costs a few threads, not
//     hundreds; a batch that keeps blocking gets its threads in a few rounds.
//
// Lifetime. Worker threads are unref()'d from birth: an idle M (or a spare) is parked in
// Atomics.wait forever and must not hold the process. The Runtime holds the process with
// one referenced handle while it has work outstanding (hold(true)), so `close()` is
// optional: a program whose goroutines are done exits.

import { type MessagePort, Worker } from 'node:worker_threads';
import { NIL } from '../sched/index.js';
import { C_REQUESTED, newControl, publishM } from './m-claim.js';
import type { MMessage } from './messages.js';

/** V8 heap limits of a thread (the subset of node:worker_threads' ResourceLimits that a
 * Runtime passes on; declared here so that users need no Node type declarations). */
export interface ThreadLimits {
  maxYoungGenerationSizeMb?: number;
  maxOldGenerationSizeMb?: number;
  codeRangeSizeMb?: number;
  stackSizeMb?: number;
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

/** Spares started per M there already is, at most, on one demand (see the header). */
export const SPARE_FACTOR = 3;

/** How many spare threads one demand from an M starts, given the goroutines queued, the
 * goroutines alive and the M rows there are (see the header). */
export function sparesFor(queued: number, live: number, rows: number): number {
  return Math.max(0, Math.min(queued, live - rows, SPARE_FACTOR * rows));
}

export interface PoolEvents {
  /** A message of an M for the Runtime (panic, exit, fatal). */
  message(msg: MMessage): void;
  /** A thread failed outside any goroutine, or exited unasked. */
  crash(m: number, message: string, stack: string): void;
  /** How many goroutines wait on the run queue, and how many are alive, now (a
   * heuristic: read without a lock). */
  queued(): number;
  live(): number;
  /** What a new thread gets in its workerData besides the scheduler and the control
   * buffer, and what must be transferred with it. */
  threadData(): { data: Record<string, unknown>; transferList: MessagePort[] };
}

const workerUrl = new URL('./m-worker.js', import.meta.url);

/** Options of the owning process that a worker thread must not inherit: they describe
 * the owner's own entry point (`--input-type` is refused outside --eval). */
export function workerExecArgv(execArgv: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i]!;
    if (a === '--input-type' || a === '-e' || a === '--eval' || a === '-p' || a === '--print') {
      i++; // and its value
      continue;
    }
    if (a.startsWith('--input-type=') || a.startsWith('--eval=') || a.startsWith('--print=') || a === '-i' || a === '--interactive') continue;
    out.push(a);
  }
  return out;
}

export class MPool {
  /** Shared with every thread: which M rows want a thread (m-claim.ts). */
  readonly ctl = newControl();
  private readonly workers = new Set<Worker>();
  /** The thread of each M row, once it has said which row it took. */
  private readonly byM = new Map<number, Worker>();
  /** undefined: threads inherit the owner's options (Node drops those a thread cannot take). */
  private execArgv = workerExecArgv().length === process.execArgv.length ? undefined : workerExecArgv();
  private readonly keepAlive: NodeJS.Timeout;
  private readyWaiters: (() => void)[] = [];
  private readyCount = 0;
  private demandQueued = false;
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
      this.demand(true);
      return;
    }
    if (this.demandQueued) return;
    this.demandQueued = true;
    queueMicrotask(() => {
      this.demandQueued = false;
      this.demand(false);
    });
  }

  private demand(fromM: boolean): void {
    if (this.closed) return;
    const rows = Atomics.load(this.ctl, C_REQUESTED);
    const spares = fromM ? sparesFor(this.on.queued(), this.on.live(), rows) : 0;
    this.ensure(Math.min(this.opts.maxm, Math.max(this.opts.minThreads, rows + spares)));
  }

  private ensure(threads: number): void {
    while (this.workers.size < threads) this.startThread();
  }

  private newWorker(): Worker {
    const make = () => {
      const { data, transferList } = this.on.threadData();
      return new Worker(workerUrl, {
        workerData: { ...data, buffer: this.buffer, ctl: this.ctl },
        transferList,
        execArgv: this.execArgv,
        resourceLimits: this.opts.resourceLimits,
      });
    };
    try {
      return make();
    } catch (err) {
      // An explicit execArgv is checked, unlike the inherited one: drop the per-process
      // options Node names (e.g. --expose-gc) and keep the others.
      const bad = (err as { code?: string }).code === 'ERR_WORKER_INVALID_EXEC_ARGV' && /flags: (.*)$/.exec((err as Error).message)?.[1];
      if (!bad || this.execArgv === undefined) throw err;
      const drop = new Set(bad.split(/,\s*/));
      this.execArgv = this.execArgv.filter((a) => !drop.has(a));
      return make();
    }
  }

  private startThread(): void {
    const w = this.newWorker();
    let m = NIL;
    w.on('message', (msg: MMessage) => {
      switch (msg.type) {
        case 'ready':
          this.readyCount++;
          if (this.readyCount >= this.warmTarget) for (const r of this.readyWaiters.splice(0)) r();
          return;
        case 'claimed':
          m = msg.m;
          this.byM.set(m, w);
          return;
        case 'newm':
          // The row is published already (a spare may have taken it); start threads.
          this.demandSoon(true);
          return;
        default:
          this.on.message(msg);
      }
    });
    w.on('error', (err) => this.on.crash(m, err.message, err.stack ?? ''));
    // A thread never returns, so an exit we did not ask for (close) is a crash.
    w.on('exit', (code) => {
      if (!this.closed && this.workers.has(w)) {
        this.on.crash(m, `thread ${m === NIL ? '(spare, no M yet)' : `of m${m}`} exited with code ${code}`, '');
      }
    });
    // After the listeners: adding a 'message' listener refs the worker's port again.
    w.unref();
    this.workers.add(w);
  }
}
