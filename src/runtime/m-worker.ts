// The body of an M: a worker thread that runs goroutines, the commit's mstart.
//
// An M asks the scheduler for a G (schedule), runs it to completion on its own stack,
// and asks again (goexit). A G that blocks (a channel, select, WaitGroup, Mutex), yields
// or waits for a cpu slot does so inside the scheduler, on this thread: since its
// JavaScript stack cannot move to another thread, every started G is wired to its M
// (lockOSThread), and while it is parked this M sleeps on its note (Atomics.wait) until
// the scheduler hands the G back.

import { writeSync } from 'node:fs';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import {
  G_GOID, G_STATUS, Gsyscall, S_FATAL, S_PANICS, M_WHERE, NIL, Sched, SchedFatal, W_EXITED, goexit,
  lockOSThread, schedule, syscallFns,
} from '../sched/index.js';
import { current, setCurrent, setThread } from './context.js';
import { replaceProcessExit } from './os-exit.js';
import { claimM, publishM } from './m-claim.js';
// Handles in goroutine arguments are revived before the goroutine's module loads.
import './chan.js';
import './sync.js';
import { generatorProblem, loadedModule, registerModule } from './gofn.js';
import { Heap } from './heap.js';
import type { MMessage } from './messages.js';
import { ThreadSabs, type SabMessage } from './sab.js';
import { freeSpec, readSpec, specName } from './spec.js';
import { panicText } from './panic-text.js';
import { importAsGoroutineCode } from './goroutine-import.js';
import { classInstanceProblem } from './clone-check.js';

const { buffer, ctl, heapBuffer, sabPort, sabsKnown } = workerData as {
  buffer: SharedArrayBuffer; ctl: Int32Array; heapBuffer: SharedArrayBuffer; sabPort: MessagePort; sabsKnown: SabMessage[];
};
/** This thread's M row: NIL until it takes one (m-claim.ts). */
let m = NIL;
const post = (msg: MMessage) => parentPort!.postMessage(msg);

const s = Sched.attach(buffer, {
  newosproc: (newm) => {
    publishM(ctl, newm);
    post({ type: 'newm', m: newm });
  },
  freshm: (again) => post({ type: 'newm', m: again }),
  exit: () => post({ type: 'exit' }),
});
const heap = Heap.attach(heapBuffer);
const sabs = new ThreadSabs(heap, (k) => post({ type: 'sab', id: k.id, sab: k.sab }), sabPort, sabsKnown);
const { entersyscall, exitsyscall } = syscallFns(s.protocol);
setThread(heap, sabs, fatal);
writeStdioSynchronously();
replaceProcessExit((status) => {
  const g = current.g;
  post({ type: 'osexit', goid: g === NIL ? 0 : s.mem[s.g(g, G_GOID)]!, status });
});

// An exception that no call of the goroutine's is on the stack for: a timer or event
// callback that threw, or a promise nobody awaited that rejected (Node raises it as one).
// Left to Node, it ends the thread, and the owner could only say that a thread exited.
// The goroutine is still inside its own (async) function, so it cannot be ended cleanly
// as a panic is: it is a fatal error, naming the goroutine and what threw.
//
// The thread runs its event loop only while a goroutine awaits, so a timer that a
// goroutine left behind when it returned runs, and throws, while a later goroutine of
// this thread awaits: the goroutine that set it is the one to name (timerOwner). A
// goroutine id other than the one running now is a goroutine of this thread that has
// ended: a started goroutine is wired to its M, so they run here one after another.
process.on('uncaughtException', (err: unknown) => {
  if (isSchedFatal(err)) fatal(err); // the scheduler's own throw, as it is
  const g = current.g;
  const where = g === NIL ? `m${m}'s thread, between goroutines` : `the thread of goroutine ${s.mem[s.g(g, G_GOID)]!}`;
  const from = timerOwner;
  const left = from !== undefined && (g === NIL || from !== s.mem[s.g(g, G_GOID)]);
  const { message, stack } = panicText(err, where);
  const e = new Error(left
    ? `uncaught exception on ${where}, in a timer callback left behind by goroutine ${from}, which has ended: ${message}`
    : `uncaught exception on ${where}, outside the goroutine's own calls (in a callback, or a promise nobody awaited): ${message}`);
  e.stack = stack;
  fatal(e);
});

/** The goroutine whose timer callback runs now (it stays set if the callback throws). */
let timerOwner: number | undefined;
ownTimers();

/**
 * setTimeout, setInterval and setImmediate, as goroutine code sees them, remember the
 * goroutine that set the timer, for the uncaught-exception report above.
 *
 * Rejected: Node's async context (AsyncLocalStorage around the goroutine's call), which
 * would name the goroutine behind any callback or unawaited promise too, but on Node 20
 * it installs promise hooks on the thread: an `await` in an async goroutine cost three
 * times as much (1e6 awaits, 90 ms against 280 ms). A wrapper costs only at the timer's
 * setting. Timers from `node:timers` itself, or another module's callbacks, are not
 * seen: those are reported on the goroutine running then, as before.
 */
function ownTimers(): void {
  for (const name of ['setTimeout', 'setInterval', 'setImmediate'] as const) {
    const orig = globalThis[name] as (cb: unknown, ...rest: unknown[]) => unknown;
    const own = function (this: unknown, cb: unknown, ...rest: unknown[]): unknown {
      if (typeof cb !== 'function' || current.g === NIL) return orig.call(this, cb, ...rest);
      const goid = s.mem[s.g(current.g, G_GOID)]!;
      return orig.call(this, function (this: unknown, ...a: unknown[]): unknown {
        const outer = timerOwner;
        timerOwner = goid;
        const r: unknown = (cb as (...a: unknown[]) => unknown).apply(this, a); // a throw leaves it set
        timerOwner = outer;
        return r;
      }, ...rest);
    };
    // util.promisify.custom, name and length, as the original has them.
    Object.defineProperties(own, Object.getOwnPropertyDescriptors(orig));
    (globalThis as Record<string, unknown>)[name] = own;
  }
}

// A thread starts without an M row and takes the first one published (m-pool.ts).
post({ type: 'ready' });
m = claimM(ctl);
post({ type: 'claimed', m });

/**
 * A worker's process.stdout and stderr pass each chunk to the main thread and flush the
 * rest from the worker's event loop, which never runs while a goroutine is parked (this
 * thread sleeps in Atomics.wait): a goroutine that prints then blocks would print only
 * its first line. So goroutines write to file descriptors 1 and 2 directly, as Go's
 * os.Stdout does, and lines from different goroutines appear in the order written.
 */
function writeStdioSynchronously(): void {
  for (const [stream, fd] of [[process.stdout, 1], [process.stderr, 2]] as const) {
    stream.write = ((chunk: string | Uint8Array, enc?: unknown, cb?: unknown) => {
      writeAll(fd, typeof chunk === 'string' ? Buffer.from(chunk, typeof enc === 'string' ? (enc as BufferEncoding) : 'utf8') : chunk);
      const done = typeof enc === 'function' ? enc : cb;
      if (typeof done === 'function') done();
      return true;
    }) as typeof stream.write;
  }
}

/** runtime·throw: tell the owner, which ends every thread, and never return. */
function fatal(err: Error): never {
  if (Atomics.compareExchange(s.mem, S_FATAL, 0, 1) === 0 || !(err instanceof SchedFatal)) {
    post({ type: 'fatal', m, message: err.message, stack: err.stack ?? '', sched: err instanceof SchedFatal });
  }
  if (m !== NIL) s.mem[s.m(m, M_WHERE)] = W_EXITED;
  const forever = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(forever, 0, 0);
}

/** Whether a goroutine's exception is the scheduler's own throw. What a goroutine throws
 * may be a Proxy whose getPrototypeOf trap throws, which `instanceof` would let escape
 * into the M's loop (ending the Runtime): such a value is the goroutine's panic. */
function isSchedFatal(err: unknown): err is SchedFatal {
  try {
    return err instanceof SchedFatal;
  } catch {
    return false;
  }
}

/** Writes every byte, waiting out a full pipe (a non-blocking descriptor says EAGAIN). */
function writeAll(fd: number, b: Uint8Array): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let off = 0; off < b.length; ) {
    try {
      off += writeSync(fd, b, off, b.length - off);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

async function mstart(): Promise<void> {
  let g = schedule(s, m, NIL);
  for (;;) {
    lockOSThread(s, m, g);
    setCurrent(s, m, g, entersyscall, exitsyscall);
    await rungoroutine(g);
    setCurrent(s, m, NIL, entersyscall, exitsyscall);
    freeSpec(heap, g);
    g = goexit(s, m, g);
  }
}

/** Runs G row g's function. A throw ends the goroutine like a return does, so the
 * scheduler's counts stay exact; the Runtime reports it as a panic. */
async function rungoroutine(g: number): Promise<void> {
  const goid = s.mem[s.g(g, G_GOID)]!;
  const at = specName(heap, g);
  const func = at === null ? '(unknown)' : `${at.name} (${at.url})`;
  let ret = false;
  try {
    const spec = readSpec(heap, sabs, g);
    ret = spec.ret;
    // A module this thread has loaded is taken as it is: import() of a loaded module
    // still resolves its URL and waits a turn of the microtask queue, on every goroutine
    // start (about a tenth of a millisecond on a thread whose code is still cold).
    let mod = loadedModule(spec.url);
    if (mod === undefined) {
      mod = await importForGoroutine(spec.url, goid);
      registerModule(spec.url, mod);
    }
    const fn = mod[spec.name];
    if (typeof fn !== 'function') throw new TypeError(missingExport(spec.url, spec.name, mod));
    const gen = generatorProblem(fn);
    if (gen !== undefined) throw new TypeError(`${spec.name} of ${spec.url}: ${gen}`);
    const value: unknown = await fn(...spec.args);
    if (leaveSyscall(g)) throw new Error('goroutine returned inside a system call (entersyscall without exitsyscall)');
    if (ret) postResult(goid, spec.discardValue === true ? undefined : value);
  } catch (err) {
    if (isSchedFatal(err)) fatal(err);
    leaveSyscall(g);
    const { message, stack } = panicText(err, func);
    post({ type: 'panic', goid, func, message, stack, ret });
    // Counted in shared memory before goexit, so the owner never sees the goroutine
    // gone (gcount) without knowing that a panic message is on its way.
    Atomics.add(s.mem, S_PANICS, 1);
  }
}

/** Why a goroutine's function is not there: the module's exported functions, and why
 * go(fn) may have missed a function exported under another name: where its module's
 * exports cannot be read at the call (gofn.ts: a module with top-level await), go(fn)
 * names fn by its own name. */
function missingExport(url: string, name: string, mod: Record<string, unknown>): string {
  const fns = Object.keys(mod).filter((k) => typeof mod[k] === 'function');
  return `module ${url} has no exported function '${name}'; its exported functions: ${fns.length === 0 ? 'none' : fns.slice(0, 8).join(', ') + (fns.length > 8 ? `, ... (${fns.length} in all)` : '')}` +
    (fns.length === 0 ? '' : ` (go(fn) names fn by its own name, ${name}, where it cannot read fn's module's exports at the call, as with top-level await there: name it with go(url, 'name', ...))`);
}

/** import() of a goroutine's module; a module that fails to load (its top-level code
 * threw, or it does not parse) is the goroutine's panic, saying which module. A thrown
 * Error keeps its own stack: it says where in the module the throw was. */
async function importForGoroutine(url: string, goid: number): Promise<Record<string, unknown>> {
  post({ type: 'importing', url, goid });
  try {
    return await importAsGoroutineCode(url, `the thread of goroutine ${goid}`);
  } catch (err) {
    const { message, stack } = panicText(err, url);
    // A syntax error's place, as Runtime.go's check gives it; its module is imported only
    // then, so that it is not one more module every M loads.
    const place = err instanceof SyntaxError ? (await import('./syntax-place.js')).syntaxErrorPlace(err, url) : '';
    const e = new Error(`cannot load ${url}: ${message}${place}`);
    e.stack = `Error: ${e.message}\n${stack.split('\n').slice(1).join('\n')}`;
    throw e;
  } finally {
    post({ type: 'importing', url: null, goid });
  }
}

/** The return value of a goroutine the owner started, structured-cloned to it. */
function postResult(goid: number, value: unknown): void {
  const problem = classInstanceProblem(value, 'it');
  if (problem !== null) throw new TypeError(`the goroutine's return value cannot be copied to the owning thread: ${problem}`);
  try {
    post({ type: 'done', goid, value });
  } catch (err) {
    throw new TypeError(`the goroutine's return value cannot be copied to the owning thread: ${(err as Error).message}`);
  }
}

/** A goroutine that ends between entersyscall and exitsyscall has given up its cpu slot;
 * take one back (exitsyscall) so that goexit's mcpu-- balances. Reports whether it had to. */
function leaveSyscall(g: number): boolean {
  if (s.mem[s.g(g, G_STATUS)] !== Gsyscall) return false;
  exitsyscall(s, m, g);
  return true;
}

mstart().catch((err: unknown) => {
  // A scheduler throw (or a bug) on this M: tell the owner, which tears everything down.
  fatal(err instanceof Error ? err : new Error(String(err)));
});
