// A Runtime: one scheduler instance and the worker threads that are its M's, owned by
// the Node thread that created it (which is not an M: it starts goroutines and waits
// for them, but never runs one).

import {
  G_GOID, M_WHERE, NIL, type Protocol, S_FATAL, S_GWAIT, S_PANICS, Sched, type SchedCounters, USER_WORDS,
  SchedFatal, WHERE_NAMES, counters, gomaxprocsfunc, initdone, newproc, schedinit,
} from '../sched/index.js';
import { type GoOptions, watchAbort } from './abort.js';
import { MPool, type ThreadLimits, defaultResourceLimits } from './m-pool.js';
import type { MMessage } from './messages.js';
import { encodeSpec, writeSpec } from './spec.js';

export type { Protocol, GoOptions, ThreadLimits };

/** Default G table size: 10,000 goroutines may wait at once (a row costs about 1 KB). */
export const DEFAULT_MAXG = 16384;
/** Default M table size: threads beyond it are not started; goroutines wait for an M. */
export const DEFAULT_MAXM = 256;

export interface RuntimeOptions {
  protocol: Protocol;
  /** GOMAXPROCS: how many goroutines execute Go code at once. Default 1, as in 2011. */
  gomaxprocs?: number;
  /** Capacity of the G table: goroutines alive at once, queued ones included (default
   * 16384, at most 2^20). Past it go() throws a RangeError that names this option. */
  maxg?: number;
  /** Capacity of the M table: threads, each started goroutine holds one until it ends
   * (default 256, at most 2^20). Past it, runnable goroutines wait on the run queue until an
   * M is free, rather than failing. */
  maxm?: number;
  /** Threads started with the Runtime, before any goroutine needs one (default 0);
   * Runtime.start resolves once they have loaded. Like piscina's minThreads. */
  minThreads?: number;
  /** V8 heap limits of each thread (default { maxYoungGenerationSizeMb: 2 }). */
  resourceLimits?: ThreadLimits;
}

/** A goroutine threw. The goroutine was ended; the other goroutines ran on. */
export class GoroutinePanic extends Error {
  override name = 'GoroutinePanic';
  constructor(readonly goid: number, readonly func: string, message: string, readonly goroutineStack: string) {
    super(`goroutine ${goid} [${func}] panicked: ${message}`);
  }
}

/** The scheduler threw (for example "all goroutines are asleep - deadlock!"). */
export class SchedulerError extends Error {
  override name = 'SchedulerError';
}

export class Runtime {
  readonly sched: Sched;
  /** Shared scratch words that goroutines see as userWords(). */
  readonly userWords: Int32Array;
  private readonly pool: MPool;
  private waiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private panics: GoroutinePanic[] = [];
  /** Panic messages received so far (compared with the shared S_PANICS count). */
  private panicsReceived = 0;
  private fatal: SchedulerError | undefined;
  private closed = false;

  private constructor(opts: RuntimeOptions) {
    const gomaxprocs = opts.gomaxprocs ?? 1;
    if (typeof gomaxprocs !== 'number' || !Number.isInteger(gomaxprocs) || gomaxprocs < 1) {
      throw new RangeError(`gomaxprocs must be a positive integer, got ${String(gomaxprocs)}`);
    }
    const minThreads = opts.minThreads ?? 0;
    if (!Number.isInteger(minThreads) || minThreads < 0) {
      throw new RangeError(`minThreads must be a non-negative integer, got ${String(minThreads)}`);
    }
    this.sched = Sched.create(
      { protocol: opts.protocol, maxg: opts.maxg ?? DEFAULT_MAXG, maxm: opts.maxm ?? DEFAULT_MAXM },
      { newosproc: (m) => this.pool.requestM(m), exit: () => this.onMessage({ type: 'exit' }) },
    );
    this.pool = new MPool(
      this.sched.buffer,
      { minThreads, maxm: this.sched.layout.maxm, resourceLimits: opts.resourceLimits ?? defaultResourceLimits },
      {
        message: (msg) => this.onMessage(msg),
        crash: (m, message, stack) => this.onMessage({ type: 'fatal', m, message, stack }),
        queued: () => this.sched.mem[S_GWAIT]!,
        live: () => this.sched.gcount,
      },
    );
    this.userWords = new Int32Array(this.sched.buffer, this.sched.layout.userBase * 4, USER_WORDS);
    schedinit(this.sched, gomaxprocs);
    initdone(this.sched, NIL);
  }

  /** Creates a Runtime; resolves once its minThreads threads have started. Other
   * threads start as goroutines need them. `close()` is optional: the Runtime keeps the
   * process alive only while it has goroutines. */
  static async start(opts: RuntimeOptions): Promise<Runtime> {
    const rt = new Runtime(opts);
    await rt.pool.warm();
    return rt;
  }

  get protocol(): Protocol {
    return this.sched.protocol;
  }

  /**
   * Starts a goroutine running `export function name(...args)` of the ES module at
   * `url` (a file: URL or an absolute path). Arguments are structured-cloned. Returns
   * the goroutine id. `options.signal` aborts the goroutine while it has not started: it
   * is taken off the run queue and never runs (once started, it runs to its end).
   */
  go(url: string, name: string, args: unknown[] = [], options: GoOptions = {}): number {
    this.checkOpen('go');
    if (typeof url !== 'string' || typeof name !== 'string') throw new TypeError('go: url and name must be strings');
    const href = url.startsWith('file:') || url.includes('://') ? url : new URL(`file://${url}`).href;
    const bytes = encodeSpec({ url: href, name, args });
    options.signal?.throwIfAborted();
    const g = this.fatalOnThrow(() => newproc(this.sched, NIL, (g) => writeSpec(this.sched, g, bytes)));
    this.pool.hold(true);
    const goid = this.sched.mem[this.sched.g(g, G_GOID)]!;
    if (options.signal) watchAbort(this.sched, g, goid, options.signal);
    return goid;
  }

  /** runtime.GOMAXPROCS from outside any goroutine; n <= 0 queries. */
  gomaxprocs(n: number): number {
    this.checkOpen('gomaxprocs');
    return this.fatalOnThrow(() => gomaxprocsfunc(this.sched, NIL, NIL, n));
  }

  /** A scheduler throw on this thread (it may hold schedlock) ends the Runtime, as one
   * on an M does, so that no M stays blocked on the lock; the error goes to the caller. */
  private fatalOnThrow<T>(f: () => T): T {
    try {
      return f();
    } catch (err) {
      if (err instanceof SchedFatal) this.onMessage({ type: 'fatal', m: NIL, message: err.message, stack: err.stack ?? '' });
      throw err;
    }
  }

  /** The scheduler's counters now. */
  counters(): SchedCounters {
    return counters(this.sched);
  }

  /** Number of M's that have a thread (M's never go away, as in the commit). */
  get threads(): number {
    return this.pool.mThreads;
  }

  /** Threads started so far: the M's and the spares started ahead of need. */
  get startedThreads(): number {
    return this.pool.started;
  }

  /**
   * Resolves when no goroutine is alive. Rejects with the first GoroutinePanic if a
   * goroutine threw since the last wait, or at once with a SchedulerError if the
   * scheduler threw.
   */
  wait(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.settle();
    });
  }

  /** Where each M is, for reports of a stuck run. */
  describeThreads(): string[] {
    const out: string[] = [];
    for (const m of this.pool.rows()) {
      const w = this.sched.mem[this.sched.m(m, M_WHERE)]!;
      out.push(`m${m}: ${WHERE_NAMES[w] ?? `where=${w}`}`);
    }
    return out;
  }

  /** Ends every thread. The Runtime cannot be used afterwards. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.close();
    this.settle();
  }

  private onMessage(msg: MMessage): void {
    switch (msg.type) {
      case 'panic':
        this.panicsReceived++;
        this.panics.push(new GoroutinePanic(msg.goid, msg.func, msg.message, msg.stack));
        break;
      case 'fatal':
        if (this.fatal === undefined) {
          Atomics.store(this.sched.mem, S_FATAL, 1);
          this.fatal = new SchedulerError(msg.m === NIL ? msg.message : `m${msg.m}: ${msg.message}`);
          this.fatal.stack = msg.stack;
          // The scheduler's state cannot be trusted: no thread may stay blocked on it.
          void this.close();
        }
        break;
      case 'exit':
        break;
    }
    // Delivered asynchronously: an 'exit' may arrive after newer goroutines started,
    // so settle() looks at gcount itself rather than trusting the message.
    queueMicrotask(() => this.settle());
  }

  private settle(): void {
    // Outstanding: goroutines alive, or a panic message still on its way.
    this.pool.hold(!this.closed && !this.fatal && (this.sched.gcount !== 0 || Atomics.load(this.sched.mem, S_PANICS) !== this.panicsReceived));
    if (this.waiters.length === 0) return;
    let outcome: Error | null | undefined;
    if (this.fatal) outcome = this.fatal;
    else if (this.closed) outcome = new Error('Runtime closed');
    else if (this.sched.gcount === 0 && Atomics.load(this.sched.mem, S_PANICS) === this.panicsReceived) {
      outcome = this.panics.shift() ?? null;
    }
    if (outcome === undefined) return;
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) {
      if (outcome === null) w.resolve();
      else w.reject(outcome);
    }
    if (outcome !== this.fatal) this.panics = [];
  }

  private checkOpen(what: string): void {
    if (this.fatal) throw this.fatal;
    if (this.closed) throw new Error(`${what}: Runtime is closed`);
  }
}
