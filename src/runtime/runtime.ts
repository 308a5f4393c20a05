// A Runtime: one scheduler instance and the worker threads that are its M's, owned by
// the Node thread that created it (which is not an M: it starts goroutines and waits
// for them, but never runs one).

import { MessageChannel, type MessagePort } from 'node:worker_threads';
import {
  G_GOID, G_STATUS, Gdead, M_LOCKEDG, M_WHERE, NIL, type Protocol, S_FATAL, S_OWNERS, S_PANICS, Sched, type SchedCounters, USER_WORDS,
  SchedFatal, WHERE_NAMES, counters, freshwaiting, gomaxprocsfunc, insyscall, initdone, newproc, ownerdone, schedinit,
} from '../sched/index.js';
import { DISCARD_VALUE, type GoOptions, watchAbort } from './abort.js';
import { type GoroutineInfo, goroutines } from './dump.js';
import { Goroutine, Results } from './handle.js';
import { DEFAULT_HEAP_BYTES, H_SABGEN, Heap } from './heap.js';
import { MPool, type ThreadLimits, defaultResourceLimits } from './m-pool.js';
import type { MMessage } from './messages.js';
import { type SabMessage, ThreadSabs } from './sab.js';
import { encodeSpec, freeSpec, specName, writeSpec } from './spec.js';
import { checkUrl, type ModuleUrl } from './url.js';
import { reviveHandles } from './codec.js';
// The handle classes, registered for reviveHandles (a goroutine may return a channel).
import './chan.js';
import './sync.js';
import { exportCheck } from './export-check.js';
import { locate } from './gofn.js';
import { refuseWhileImportingGoroutineCode } from './goroutine-import.js';
import { checkProcs } from './procs.js';
import { showValue } from './show-value.js';
import { DEFAULT_MAXG, DEFAULT_MAXM, checkRuntimeOptions } from './options.js';

export type { Protocol, GoOptions, ThreadLimits };

export { DEFAULT_MAXG, DEFAULT_MAXM };

// Each optional key also takes undefined, as leaving it out (the option's default): so
// says `| undefined` to a consumer with exactOptionalPropertyTypes, as Node's own options do.
export interface RuntimeOptions {
  /** 'atomic' (the commit's CAS fast paths; default) or 'lock' (every entersyscall and
   * exitsyscall takes schedlock, as before the commit). */
  protocol?: Protocol | undefined;
  /** GOMAXPROCS: how many goroutines execute Go code at once, 1 to 32757 (maxgomaxprocs).
   * Default 1, as in 2011. */
  gomaxprocs?: number | undefined;
  /** Capacity of the G table: goroutines alive at once, queued ones included (default
   * 16384, at most 2^20). Past it go() throws a RangeError that names this option. */
  maxg?: number | undefined;
  /** Capacity of the M table: threads, each started goroutine holds one until it ends
   * (default 256, at most 2^20). Past it, runnable goroutines wait on the run queue until an
   * M is free, rather than failing. */
  maxm?: number | undefined;
  /** Threads started with the Runtime, before any goroutine needs one (default 0);
   * Runtime.start resolves once they have loaded. Like piscina's minThreads. */
  minThreads?: number | undefined;
  /** V8 heap limits of each thread (default { maxYoungGenerationSizeMb: 2,
   * maxOldGenerationSizeMb: 1536 }; see defaultResourceLimits). */
  resourceLimits?: ThreadLimits | undefined;
  /** Bytes of the shared heap (channels, sync objects, values in flight, goroutine
   * arguments); reserved, and resident only as used. Default 256 MiB. */
  heapBytes?: number | undefined;
}

/** A goroutine threw. The goroutine was ended; the other goroutines ran on. */
export class GoroutinePanic extends Error {
  override name = 'GoroutinePanic';
  constructor(readonly goid: number, readonly func: string, message: string, readonly goroutineStack: string) {
    super(`goroutine ${goid} [${func}] panicked: ${message}`);
  }
}

/** A goroutine called process.exit(status): Go's os.Exit. run() rejects with it and
 * `gosched run` exits with `status`; the goroutines were stopped. */
export class ProgramExit extends Error {
  override name = 'ProgramExit';
  constructor(readonly status: number, readonly goid: number) {
    super(`goroutine ${goid} called process.exit(${status})`);
  }
}

/** A fatal error: the scheduler threw (for example "all goroutines are asleep -
 * deadlock!") or the goroutine API did ("sync: unlock of unlocked mutex"). `goroutines`
 * lists every goroutine alive at that moment and what it was doing. */
export class SchedulerError extends Error {
  override name = 'SchedulerError';
  goroutines: GoroutineInfo[] = [];
}

export class Runtime {
  readonly sched: Sched;
  /** Shared scratch words that goroutines see as userWords(). */
  readonly userWords: Int32Array;
  /** The shared heap of channels, sync objects and values in flight. */
  readonly heap: Heap;
  /** Called with each goroutine panic instead of keeping it for wait() (run() uses it
   * to end the program on the first one, as Go does). */
  onPanic: ((p: GoroutinePanic) => void) | undefined;
  /** Called when a goroutine calls process.exit (run() ends the program with it); when
   * unset, the Runtime ends with a SchedulerError saying so. */
  onExit: ((e: ProgramExit) => void) | undefined;
  private readonly sabs: ThreadSabs;
  private readonly sabsKnown: SabMessage[] = [];
  private readonly sabPorts = new Map<number, MessagePort>();
  private readonly results = new Results();
  private readonly pool: MPool;
  private waiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private panics: GoroutinePanic[] = [];
  /** Panic messages received so far (compared with the shared S_PANICS count). */
  private panicsReceived = 0;
  private fatal: SchedulerError | undefined;
  /** A fatal error that waits for panic messages already on their way (onMessage). */
  private fatalPending: Extract<MMessage, { type: 'fatal' }> | undefined;
  private closed = false;
  /** seal() was called: the owner starts no more goroutines. */
  private sealed = false;

  private constructor(opts: RuntimeOptions) {
    checkRuntimeOptions(opts, 'Runtime.start');
    const gomaxprocs = opts.gomaxprocs ?? 1;
    const minThreads = opts.minThreads ?? 0;
    this.sched = Sched.create(
      { protocol: opts.protocol ?? 'atomic', maxg: opts.maxg ?? DEFAULT_MAXG, maxm: opts.maxm ?? DEFAULT_MAXM },
      { newosproc: (m) => this.pool.requestM(m), freshm: () => this.pool.wantM(), exit: () => this.onMessage({ type: 'exit' }) },
    );
    this.userWords = new Int32Array(this.sched.buffer, this.sched.layout.userBase * 4, USER_WORDS);
    this.heap = Heap.create(opts.heapBytes ?? DEFAULT_HEAP_BYTES, this.sched.layout.maxg);
    this.sabs = new ThreadSabs(this.heap, (k) => this.forwardSab(k));
    this.pool = new MPool(
      this.sched.buffer,
      { minThreads, maxm: this.sched.layout.maxm, resourceLimits: opts.resourceLimits ?? defaultResourceLimits },
      {
        message: (msg) => this.onMessage(msg),
        crash: (m, message, stack) => this.onMessage({ type: 'fatal', m, message: this.crashText(m, message, opts.resourceLimits ?? defaultResourceLimits), stack }),
        waitingRows: (claimed) => freshwaiting(this.sched, claimed),
        inSyscall: () => insyscall(this.sched),
        threadData: () => this.threadData(),
      },
    );
    // The owner may start goroutines until it says otherwise (seal): until then, no
    // goroutine running is not a deadlock.
    this.sched.mem[S_OWNERS] = 1;
    schedinit(this.sched, gomaxprocs);
    initdone(this.sched, NIL);
  }

  /** Creates a Runtime; resolves once its minThreads threads have started. Other
   * threads start as goroutines need them. `close()` is optional: the Runtime keeps the
   * process alive only while it has goroutines or results outstanding. */
  static async start(opts: RuntimeOptions = {}): Promise<Runtime> {
    refuseWhileImportingGoroutineCode('Runtime.start');
    const rt = new Runtime(opts);
    await rt.pool.warm();
    return rt;
  }

  get protocol(): Protocol {
    return this.sched.protocol;
  }

  /**
   * Starts a goroutine running `export function name(...args)` of the ES module at
   * `url` (import.meta.url, another absolute URL as a string or a URL object, or an
   * absolute path), or `go(fn,
   * args)` with fn an exported function (its module found as go(fn) finds it). Arguments are
   * structured-cloned (shared buffers and gosched handles stay shared). Returns its
   * handle: `id`, and `result`, a promise of its return value (an async function's
   * resolved value), rejected with its GoroutinePanic. `options.signal` aborts the
   * goroutine while it has not started: it is taken off the run queue, never runs, and
   * `result` rejects with the signal's reason (once started, it runs to its end).
   */
  go<T = unknown>(fn: (...args: any[]) => T, args?: unknown[], options?: GoOptions): Goroutine<Awaited<T>>;
  go<T = unknown>(url: ModuleUrl, name: string, args?: unknown[], options?: GoOptions): Goroutine<T>;
  go(
    urlOrFn: ModuleUrl | ((...args: any[]) => unknown), nameOrArgs?: string | unknown[],
    argsOrOptions?: unknown[] | GoOptions, maybeOptions?: GoOptions,
  ): Goroutine<unknown> {
    this.checkOpen('go');
    // After seal(), an all-blocked Runtime is a deadlock: a goroutine started now could
    // come after its report, and would break the promise the report rests on.
    if (this.sealed) throw new Error('Runtime.go: the Runtime is sealed: seal() said the owner starts no more goroutines (from then on, all goroutines blocked is a deadlock); start goroutines from a goroutine, or seal() once the last is started');
    let href: string;
    let name: unknown;
    let args: unknown;
    let options: GoOptions;
    if (typeof urlOrFn === 'function') {
      // go(fn, args, options): fn's module as go(fn) finds it in a goroutine (gofn.ts).
      ({ url: href, name } = locate(urlOrFn, 'Runtime.go'));
      exportCheck.check(href, name as string, `Runtime.go(${name as string})`);
      args = nameOrArgs ?? [];
      options = (argsOrOptions as GoOptions | undefined) ?? {};
    } else {
      href = checkUrl(urlOrFn, 'Runtime.go');
      name = nameOrArgs;
      if (typeof name === 'string' && name !== '') exportCheck.check(href, name, `Runtime.go(${name})`);
      args = argsOrOptions ?? [];
      options = maybeOptions ?? {};
    }
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw new TypeError(`Runtime.go: options must be an object like { signal }, got ${showValue(options)}`);
    }
    if (typeof name !== 'string' || name === '') throw new TypeError(`Runtime.go: name must be the name of an exported function, got ${showValue(name)}`);
    if (!Array.isArray(args)) throw new TypeError(`Runtime.go(${name}): args must be an array of arguments, got ${showValue(args)}`);
    for (const k of Object.keys(options)) {
      if (k !== 'signal') throw new TypeError(`Runtime.go(${name}): unknown option '${k}' (the one option is signal)`);
    }
    if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
      throw new TypeError(`Runtime.go(${name}): signal must be an AbortSignal, got ${showValue(options.signal)}`);
    }
    const bytes = encodeSpec(this.sabs, { url: href, name, args, ret: true, discardValue: options[DISCARD_VALUE] === true });
    options.signal?.throwIfAborted();
    const g = this.fatalOnThrow(() => newproc(this.sched, NIL, (g) => writeSpec(this.heap, g, bytes)));
    const goid = this.sched.mem[this.sched.g(g, G_GOID)]!;
    const handle = this.results.add<unknown>(goid);
    this.pool.hold(true);
    if (options.signal) {
      // Taken off the run queue, no M will free its spec or report on it: we do both.
      const unwatch = watchAbort(this.sched, g, goid, options.signal, (row) => freeSpec(this.heap, row), (reason) => {
        this.results.reject(goid, reason instanceof Error ? reason : new Error(String(reason)));
        queueMicrotask(() => this.settle());
      });
      this.results.onSettled(goid, unwatch);
    }
    return handle;
  }

  /**
   * The owner will start no more goroutines. From now on, when every goroutine is blocked
   * on channels, WaitGroups, Mutexes or select, that is a deadlock (a SchedulerError), as
   * in Go; before, the owner might still start the goroutine that would unblock them.
   */
  seal(): void {
    this.checkOpen('seal');
    this.sealed = true;
    if (this.sched.mem[S_OWNERS] === 0) return;
    this.fatalOnThrow(() => ownerdone(this.sched));
  }

  /** Every live goroutine and what it is doing now (not a consistent snapshot). */
  goroutines(): GoroutineInfo[] {
    return goroutines(this.sched, this.heap);
  }

  /** A buffer met for the first time in a value: every M must be able to find it. */
  private forwardSab(k: SabMessage): void {
    this.sabsKnown.push(k);
    for (const port of this.sabPorts.values()) port.postMessage(k);
    Atomics.add(this.heap.mem, H_SABGEN, 1);
    Atomics.notify(this.heap.mem, H_SABGEN);
  }

  /** runtime.GOMAXPROCS from outside any goroutine; n <= 0 queries. */
  gomaxprocs(n: number): number {
    this.checkOpen('gomaxprocs');
    checkProcs(n, 'Runtime.gomaxprocs');
    return this.fatalOnThrow(() => gomaxprocsfunc(this.sched, NIL, NIL, n));
  }

  /** A scheduler throw on this thread (it may hold schedlock) ends the Runtime, as one
   * on an M does, so that no M stays blocked on the lock; the caller gets the Runtime's
   * SchedulerError (what wait() rejects with), not the scheduler's internal SchedFatal:
   * the README promises a SchedulerError for a deadlock, and seal() is where one is
   * found when every goroutine is already blocked. */
  private fatalOnThrow<T>(f: () => T): T {
    try {
      return f();
    } catch (err) {
      if (!(err instanceof SchedFatal)) throw err;
      // Its stack: where the owner's call was, under the SchedulerError's own name.
      const stack = `SchedulerError: ${err.message}\n${(err.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).join('\n')}`;
      this.onMessage({ type: 'fatal', m: NIL, message: err.message, stack });
      if (this.fatal !== undefined) throw this.fatal;
      // Held back for panic messages on their way (onMessage): the same words, for now.
      const e = new SchedulerError(err.message);
      e.goroutines = this.goroutines();
      throw e;
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
   * goroutine threw since the last wait (one nobody holds the handle of), or at once with
   * a SchedulerError if the scheduler threw. Of several panics, each is the next wait()'s,
   * or, with no wait() called at once, surfaces as an unhandled rejection.
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
    this.results.rejectAll(new Error('Runtime closed'));
    for (const port of this.sabPorts.values()) port.close();
    await this.pool.close();
    this.settle();
  }

  /** What each new thread is given besides the scheduler: the heap, and a port on which
   * it hears of every shared buffer met after it started (those before come with it). */
  private threadData(): { data: Record<string, unknown>; transferList: MessagePort[] } {
    const { port1, port2 } = new MessageChannel();
    this.sabPorts.set(this.sabPorts.size, port1);
    port1.unref();
    return { data: { heapBuffer: this.heap.buffer, sabPort: port2, sabsKnown: this.sabsKnown }, transferList: [port2] };
  }

  private onMessage(msg: MMessage): void {
    switch (msg.type) {
      case 'panic': {
        this.panicsReceived++;
        const p = new GoroutinePanic(msg.goid, msg.func, msg.message, msg.stack);
        const delivered = this.results.reject(msg.goid, p);
        if (this.onPanic !== undefined) this.onPanic(p);
        else if (!delivered) {
          this.panics.push(p);
          this.surfaceIfUnobserved(p);
        }
        if (!this.panicsInFlight()) this.raisePendingFatal();
        break;
      }
      case 'done':
        this.results.resolve(msg.goid, reviveHandles(msg.value));
        break;
      case 'sab':
        this.sabs.add(msg);
        this.forwardSab(msg);
        break;
      case 'fatal':
        if (this.fatal === undefined && this.panicsInFlight()) {
          // A goroutine panicked before this fatal error was raised (its count is
          // bumped after its message is posted, and before it ends), but its message
          // comes on another M's port and has not been read: Go would have ended the
          // program with the panic, which came first (a goroutine that panics and
          // leaves the others all blocked must not be reported as a deadlock). So the
          // fatal error waits for the panic messages; after 1 s without them it goes on.
          Atomics.store(this.sched.mem, S_FATAL, 1);
          this.fatalPending ??= msg;
          setTimeout(() => this.raisePendingFatal(), 1000).unref();
          return;
        }
        if (this.fatal === undefined) {
          Atomics.store(this.sched.mem, S_FATAL, 1);
          this.fatal = new SchedulerError(msg.m === NIL || msg.sched === false ? msg.message : `m${msg.m}: ${msg.message}`);
          this.fatal.stack = msg.stack;
          this.fatal.goroutines = this.goroutines();
          this.results.rejectAll(this.fatal);
          // The scheduler's state cannot be trusted: no thread may stay blocked on it.
          void this.close();
        }
        break;
      case 'osexit': {
        const e = new ProgramExit(msg.status, msg.goid);
        if (this.onExit !== undefined) this.onExit(e);
        else {
          this.onMessage({
            type: 'fatal', m: NIL, stack: '',
            message: `${e.message}: a goroutine cannot end its owner's process; return instead (under run() or gosched run, process.exit ends the program, as Go's os.Exit)`,
          });
        }
        break;
      }
      case 'exit':
        break;
    }
    // Delivered asynchronously: an 'exit' may arrive after newer goroutines started,
    // so settle() looks at gcount itself rather than trusting the message.
    queueMicrotask(() => this.settle());
  }

  /** What a thread that ended unasked was doing: the goroutine wired to its M (whose own
   * report died with the thread), and for a thread that reached its V8 heap limit, the
   * option that raises it. */
  private crashText(m: number, message: string, limits: ThreadLimits): string {
    const notes: string[] = [];
    const g = m === NIL ? NIL : this.sched.mem[this.sched.m(m, M_LOCKEDG)]!;
    if (g !== NIL && this.sched.mem[this.sched.g(g, G_STATUS)] !== Gdead) {
      const at = specName(this.heap, g);
      const goid = this.sched.mem[this.sched.g(g, G_GOID)]!;
      notes.push(`goroutine ${goid} [${at === null ? '(unknown)' : `${at.name} (${at.url})`}] was running on the thread`);
    }
    // Node's ERR_WORKER_OUT_OF_MEMORY, known here by its message only.
    if (/reaching memory limit/.test(message)) {
      notes.push(`raise resourceLimits.maxOldGenerationSizeMb, ${limits.maxOldGenerationSizeMb ?? "Node's default"} now`);
    }
    return notes.length === 0 ? message : `${message} (${notes.join('; ')})`;
  }

  /** Panics counted in shared memory whose messages have not been read yet. */
  private panicsInFlight(): boolean {
    return Atomics.load(this.sched.mem, S_PANICS) !== this.panicsReceived;
  }

  /** The fatal error held back for panics in flight (see onMessage), raised now. */
  private raisePendingFatal(): void {
    const msg = this.fatalPending;
    if (msg === undefined) return;
    this.fatalPending = undefined;
    this.panicsReceived = Atomics.load(this.sched.mem, S_PANICS); // none is awaited any longer
    this.onMessage(msg);
  }

  private settle(): void {
    // Outstanding: goroutines alive, a panic message on its way, or a handle's result.
    this.pool.hold(!this.closed && !this.fatal
      && (this.sched.gcount !== 0 || Atomics.load(this.sched.mem, S_PANICS) !== this.panicsReceived || this.results.pending !== 0));
    if (this.waiters.length === 0) return;
    let outcome: Error | null | undefined;
    // A panic received before the fatal error came first (the deadlock it left, say):
    // it is reported first, as Go reports the panic that ended its program; then the fatal.
    if (this.fatal) outcome = this.panics.shift() ?? this.fatal;
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
    // Each panic not taken here is the next wait()'s, or, if no wait() is pending by then,
    // surfaces as an unhandled rejection: every panic reaches the owner (clearing the
    // list here once dropped all but the first of panics that came together).
    for (const p of this.panics) this.surfaceIfUnobserved(p);
  }

  /** A panic nobody waits for (no wait() pending, its handle's result never asked for)
   * surfaces as an unhandled rejection would: none is dropped silently. */
  private surfaceIfUnobserved(p: GoroutinePanic): void {
    setImmediate(() => {
      // A Runtime that a fatal error ended was not closed by its owner: its panics still surface.
      if (!this.panics.includes(p) || (this.closed && this.fatal === undefined) || this.waiters.length > 0) return;
      this.panics.splice(this.panics.indexOf(p), 1);
      void Promise.reject(p);
    });
  }

  private checkOpen(what: string): void {
    if (this.fatal) throw this.fatal;
    if (this.closed) throw new Error(`Runtime.${what}: the Runtime is closed (close() was called)`);
  }
}
