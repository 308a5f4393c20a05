// Runtime.go(url, name) checks at the call that `name` is an exported function of the
// module at `url`, so that the mistake is thrown where it was made, not reported later by
// the goroutine on whichever thread starts it.
//
// The owning thread cannot load an ES module synchronously, and must not run the user's
// module on its own thread (its top-level code belongs to the goroutines' threads). So a
// small thread of its own imports the module, the first time a Runtime is given that URL,
// and the owner waits for its answer (Atomics.wait is allowed on Node's main thread).
// The answer is kept per URL, for the process (every Runtime shares `exportCheck`): each
// later go() with that URL costs a map lookup. The thread is unreferenced and ends after
// LOADER_IDLE_MS without a question; a new URL after that starts it again (about 20 ms).
//
// Rejected: require() of the ES module on the owner (synchronous since Node 20.19, but it
// runs the module's top level on the owner); a static scan of the module's text for its
// exports (re-exports, `export *`, CommonJS and loader hooks defeat it); checking in the
// M that runs the goroutine (today's fallback: too late to throw at the call).
//
// A module that takes longer than LOADER_TIMEOUT_MS to load is not checked here (the
// goroutine then reports a missing export, as it would anyway): go() must not hang on a
// slow import.

import type { Worker } from 'node:worker_threads';
import { startWorker, threadExecArgv } from './worker-start.js';
import { typeOf } from './export-loader-types.js';

export const LOADER_IDLE_MS = 2000;
export const LOADER_TIMEOUT_MS = 10_000;
const REPLY_BYTES = 64 * 1024;

/** The exports of a module whose answer did not come: every name passes. */
const UNCHECKED = new Map<string, string>();

type Answer = { ok: true; exports: [string, string][] } | { ok: false; message: string };

export class ExportCheck {
  /** url -> export name -> typeof its value */
  private readonly known = new Map<string, Map<string, string>>();
  /** The loader thread and the memory it answers in: its own, so that a loader given up
   * on (timed out) can never write into its successor's answer. */
  private loader: { worker: Worker; flag: Int32Array; reply: Uint8Array } | undefined;

  private execArgv = threadExecArgv();
  private idle: NodeJS.Timeout | undefined;

  /** `timeoutMs`: how long go() waits for a module's exports (tests shorten it). */
  constructor(private readonly timeoutMs = LOADER_TIMEOUT_MS) {}

  /** Throws, naming `what`, unless `name` is an exported function of the module at `url`. */
  check(url: string, name: string, what: string): void {
    let exports = this.known.get(url);
    if (exports === undefined) {
      const a = this.ask(url);
      if (a === undefined) {
        // Not known in time (or too many exports to read back): not checked here, now or
        // later (one slow import must not hold every go() of its module); the goroutine
        // will say.
        this.known.set(url, UNCHECKED);
        return;
      }
      if (!a.ok) throw new Error(`${what}: cannot load ${url}: ${a.message}`);
      exports = new Map(a.exports);
      this.known.set(url, exports);
    }
    if (exports === UNCHECKED) return;
    const type = exports.get(name);
    if (type === 'function') return;
    const functions = [...exports].filter(([, t]) => t === 'function').map(([n]) => n);
    throw new TypeError(
      `${what}: ${url} has no exported function '${name}'` +
        (type !== undefined ? ` (its export '${name}' is a ${type})` : '') +
        `; its exported functions: ${functions.length === 0 ? 'none' : functions.slice(0, 8).join(', ') + (functions.length > 8 ? `, ... (${functions.length} in all)` : '')}`,
    );
  }

  /** Records the exports of a module the owner has imported itself (run() does). */
  remember(url: string, mod: Record<string, unknown>): void {
    this.known.set(url, new Map(Object.keys(mod).map((k) => [k, typeOf(mod, k)])));
  }

  /** Ends the loader thread now (it also ends by itself once idle). */
  close(): void {
    if (this.idle !== undefined) clearTimeout(this.idle);
    this.idle = undefined;
    void this.loader?.worker.terminate();
    this.loader = undefined;
  }

  private ask(url: string): Answer | undefined {
    if (this.idle !== undefined) clearTimeout(this.idle);
    const { worker, flag, reply } = (this.loader ??= this.startLoader());
    Atomics.store(flag, 0, 0);
    worker.postMessage(url);
    const r = Atomics.wait(flag, 0, 0, this.timeoutMs);
    if (r === 'timed-out') {
      // Its answer would come too late to read: a fresh loader for the next question.
      this.close();
      return undefined;
    }
    this.idle = setTimeout(() => this.close(), LOADER_IDLE_MS);
    this.idle.unref();
    const len = Atomics.load(flag, 1);
    if (len < 0) return undefined; // more exports than the reply holds: not checked
    return JSON.parse(new TextDecoder().decode(reply.slice(0, len))) as Answer;
  }

  private startLoader(): { worker: Worker; flag: Int32Array; reply: Uint8Array } {
    const flag = new Int32Array(new SharedArrayBuffer(8));
    const reply = new Uint8Array(new SharedArrayBuffer(REPLY_BYTES));
    // The module's top level runs here too: what it prints belongs to the goroutines'
    // threads, so the loader drops it in its own thread (export-loader.ts). Not read and
    // dropped here (`stdout: true` and resume()): Node refs the port of a worker stream
    // being read, which held the owner's process LOADER_IDLE_MS past its last goroutine,
    // close() or not.
    const started = startWorker(new URL('./export-loader.js', import.meta.url), { workerData: { flag, reply } }, this.execArgv);
    this.execArgv = started.execArgv;
    const w = started.worker;
    w.unref();
    // A loader that fails outside an import (it should not) only costs the check.
    w.on('error', () => {
      if (this.loader?.worker === w) this.loader = undefined;
    });
    return { worker: w, flag, reply };
  }
}

/** The check every Runtime of this process uses. */
export const exportCheck = new ExportCheck();
