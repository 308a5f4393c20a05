// What a goroutine can call: the scheduler entry points of the goroutine running on
// this thread (go, syscall, sleep, gosched, GOMAXPROCS, ...). Import them from 'gosched'
// (or 'gosched/goroutine') in a module whose exported functions you start with go().

import {
  G_GOID, G_STATUS, G_WAITREASON, Gsyscall, S_GCOUNT, USER_WORDS, gomaxprocsfunc, gosched as schedGosched, newproc, schedThrow, starttheworld, stoptheworld,
} from '../sched/index.js';
import { cur, current } from './context.js';
import { describe, encodeSpec, writeSpec } from './spec.js';
import { locate } from './gofn.js';
import { running } from './park.js';
import { checkUrl, type ModuleUrl } from './url.js';
import { checkProcs } from './procs.js';
import { showValue } from './show-value.js';
import { WR_NONE, WR_SLEEP, WR_SYSCALL_PROMISE } from './waitreason.js';

/** runtime.entersyscall: this goroutine is about to block in the operating system. */
export function entersyscall(): void {
  const c = current;
  c.entersyscall(c.s, c.m, c.g);
}

/** runtime.exitsyscall: this goroutine is back from the operating system; may wait for
 * a cpu slot. */
export function exitsyscall(): void {
  const c = current;
  c.exitsyscall(c.s, c.m, c.g);
}

/**
 * Runs `fn` as a blocking system call: other goroutines may use this one's cpu slot
 * meanwhile. If fn returns a promise, the goroutine stays in the system call until it
 * settles, and syscall returns a promise of its outcome: `await syscall(() =>
 * fs.promises.readFile(f))` lets an async goroutine wait for I/O without a cpu slot.
 * One system call at a time per goroutine.
 */
export function syscall<T>(fn: () => T): T {
  // Checked before entersyscall: a call that cannot run must not give up the cpu slot.
  if (typeof fn !== 'function') throw new TypeError(`syscall: fn must be a function (the blocking call to run), got ${showValue(fn)}`);
  const c = cur('syscall');
  if (c.s.mem[c.s.g(c.g, G_STATUS)] === Gsyscall) {
    throw new Error('syscall: this goroutine is already inside a system call (one at a time per goroutine)');
  }
  c.entersyscall(c.s, c.m, c.g);
  let r: T;
  try {
    r = fn();
  } catch (err) {
    c.exitsyscall(c.s, c.m, c.g);
    throw err;
  }
  if (!isThenable(r)) {
    c.exitsyscall(c.s, c.m, c.g);
    return r;
  }
  const { s, m, g, exitsyscall: exit } = c;
  c.s.mem[c.s.g(g, G_WAITREASON)] = WR_SYSCALL_PROMISE;
  // A pending promise alone does not keep a thread's event loop alive: with nothing else
  // on it (a promise that never settles), Node would end the thread, and the owner would
  // see an M die under a live goroutine ("thread of m1 exited with code 0"). Go's
  // goroutine stuck in a system call stays there while the program goes on (main
  // returning still ends it), so this timer holds the thread for as long as the call.
  const hold = setInterval(holdThread, HOLD_MS);
  return Promise.resolve(r).finally(() => {
    clearInterval(hold);
    s.mem[s.g(g, G_WAITREASON)] = WR_NONE;
    exit(s, m, g);
  }) as T;
}

const HOLD_MS = 2 ** 31 - 1;
function holdThread(): void {}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return (typeof v === 'object' || typeof v === 'function') && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

/** time.Sleep: blocks this goroutine for ms milliseconds without holding a cpu slot (it
 * counts as in a system call, as Go 2011's timer goroutine did, so a sleeping program is
 * not a deadlock). */
export function sleep(ms: number): void {
  if (typeof ms !== 'number' || Number.isNaN(ms)) throw new TypeError(`sleep: ms must be a number${Number.isNaN(ms) ? ' other than NaN' : ''}, got ${showValue(ms)}`);
  const c = running('sleep');
  if (ms <= 0) return;
  c.s.mem[c.s.g(c.g, G_WAITREASON)] = WR_SLEEP;
  c.entersyscall(c.s, c.m, c.g);
  const end = Date.now() + ms;
  for (let left = ms; left > 0; left = end - Date.now()) Atomics.wait(sleepCell, 0, 0, left);
  c.exitsyscall(c.s, c.m, c.g);
  c.s.mem[c.s.g(c.g, G_WAITREASON)] = WR_NONE;
}
const sleepCell = new Int32Array(new SharedArrayBuffer(4));

/** runtime.NumGoroutine: goroutines alive now. */
export function NumGoroutine(): number {
  const c = cur('NumGoroutine');
  return Atomics.load(c.s.mem, S_GCOUNT);
}

/** runtime.Gosched: yield the cpu slot; returns when this goroutine may run again. */
export function gosched(): void {
  // running(), not cur(): inside syscall() the goroutine holds no cpu slot to give up
  // (gosched there left mcpu at -1 with schedlock held, and every goroutine stuck).
  const c = running('gosched');
  const next = schedGosched(c.s, c.m, c.g);
  // A started goroutine is wired to its thread, so the scheduler can only give it back.
  if (next !== c.g) schedThrow(`gosched: m${c.m} was handed g${next} while g${c.g} is on its stack`);
}

/** runtime.GOMAXPROCS: set the number of goroutines executing at once; n <= 0 queries.
 * Returns the previous setting. */
export function GOMAXPROCS(n: number): number {
  checkProcs(n);
  // Lowering it below the goroutines running calls gosched: not inside syscall() (above).
  const c = running('GOMAXPROCS');
  return gomaxprocsfunc(c.s, c.m, c.g, n);
}

/** Stops every other goroutine from executing Go code (those in system calls may go on
 * with their calls) until startTheWorld. Only one goroutine may stop the world at a time. */
export function stopTheWorld(): void {
  const c = cur('stopTheWorld');
  stoptheworld(c.s, c.m);
}

export function startTheWorld(): void {
  const c = cur('startTheWorld');
  starttheworld(c.s, c.m);
}

/**
 * Starts a goroutine: `go(fn, ...args)` with fn an exported function of a module file
 * (see gofn.ts), or `go(url, 'name', ...args)` with the module's absolute URL
 * (import.meta.url, or a URL object) and the export's name. Arguments are
 * structured-cloned; channels, WaitGroups, Mutexes, Onces and SharedArrayBuffers among
 * them are shared. Returns the goroutine id.
 */
// Two overloads, as the code takes it: with one signature `go(url)` and `go(url, 42)`
// compiled, and threw at the call (`name must be a string`).
export function go(fn: (...args: any[]) => unknown, ...args: unknown[]): number;
export function go(url: ModuleUrl, name: string, ...args: unknown[]): number;
export function go(fn: ModuleUrl | ((...args: any[]) => unknown), ...args: unknown[]): number {
  const c = cur('go');
  let url: string;
  let name: string;
  if (typeof fn === 'function') {
    ({ url, name } = locate(fn));
  } else {
    url = checkUrl(fn, 'go');
    name = args.shift() as string;
    if (typeof name !== 'string') throw new TypeError(`go(url, name, ...args): name must be a string, got ${describe(name)}`);
  }
  const bytes = encodeSpec(c.sabs, { url, name, args, ret: false });
  const g = newproc(c.s, c.m, (g) => writeSpec(c.heap, g, bytes));
  return c.s.mem[c.s.g(g, G_GOID)]!;
}

/** The scratch area of shared memory every goroutine of this Runtime sees. */
export function userWords(): Int32Array {
  const c = cur('userWords');
  return new Int32Array(c.s.buffer, c.s.layout.userBase * 4, USER_WORDS);
}

/** Which M (thread slot) runs this goroutine, and the goroutine's row. */
export function whoami(): { m: number; g: number } {
  const c = cur('whoami');
  return { m: c.m, g: c.g };
}


export { Chan, chan, close } from './chan.js';
export { select, type SelectCase, type RecvCase, type SendCase, type SelectOptions } from './select.js';
export { WaitGroup, Mutex, Once } from './sync.js';
