// The goroutine a worker thread is running right now: set by the M loop (m-worker.ts),
// read by the goroutine API (goroutine.ts). One M runs one goroutine at a time.
//
// `current` is one object whose fields change, never a new object, so the hot calls
// (entersyscall, exitsyscall) read it with monomorphic property loads and no check:
// outside a goroutine its syscall functions are ones that throw.

import { NIL, type Sched, type SyscallFn } from '../sched/index.js';
import type { Heap } from './heap.js';
import type { SabRegistry } from './sab.js';

export interface Current {
  s: Sched;
  m: number;
  g: number;
  entersyscall: SyscallFn;
  exitsyscall: SyscallFn;
  /** The Runtime's shared heap and this thread's view of its shared buffers: set once
   * when the M's thread starts. */
  heap: Heap;
  sabs: SabRegistry;
  /** Ends the program with a fatal error (runtime·throw): never returns. The M loop
   * reports it to the owner and blocks this thread until it is terminated. */
  fatal: (err: Error) => never;
}

function outside(what: string): SyscallFn {
  return () => {
    throw new Error(`${what} called outside a goroutine (only code started with go() may call it)`);
  };
}
const enterOutside = outside('entersyscall');
const exitOutside = outside('exitsyscall');

export const current: Current = {
  s: undefined as unknown as Sched,
  m: NIL,
  g: NIL,
  entersyscall: enterOutside,
  exitsyscall: exitOutside,
  heap: undefined as unknown as Heap,
  sabs: undefined as unknown as SabRegistry,
  fatal: (err: Error): never => {
    throw err;
  },
};

/** Where the gosched that runs this thread's M lives, for a goroutine whose module imported
 * another copy (see cur). */
const RUNNING_COPY = Symbol.for('gosched.runningCopy');

/** The M's thread starts: the shared state every goroutine it runs will use. */
export function setThread(heap: Heap, sabs: SabRegistry, fatal: (err: Error) => never): void {
  (globalThis as Record<symbol, unknown>)[RUNNING_COPY] = import.meta.url;
  current.heap = heap;
  current.sabs = sabs;
  current.fatal = fatal;
}

/** The M loop: g on m of s starts running (or NIL: it ended). */
export function setCurrent(s: Sched, m: number, g: number, enter: SyscallFn, exit: SyscallFn): void {
  current.s = s;
  current.m = m;
  current.g = g;
  current.entersyscall = g === NIL ? enterOutside : enter;
  current.exitsyscall = g === NIL ? exitOutside : exit;
}

/** The running goroutine's context; throws when called outside a goroutine. A module's
 * top-level code is the likely place (Go's package-level `var c = make(chan int)`): it
 * runs apart on every thread that imports the module, so nothing made there could be one
 * object for all goroutines, and the message says what to do instead. */
export function cur(what: string): Current {
  if (current.g === NIL) {
    // A goroutine module that imports a second copy of gosched (a CLI from one install, the
    // program's 'gosched' from another) reaches this copy, whose thread state was never set:
    // said as what it is, since the usual message would send the user looking at their code.
    const running = (globalThis as Record<symbol, unknown>)[RUNNING_COPY];
    if (typeof running === 'string' && running !== import.meta.url) {
      const root = (u: string) => new URL('../../..', u).pathname;
      throw new Error(`${what}: this goroutine's module imports gosched from ${root(import.meta.url)}, but the goroutine runs on the gosched at ${root(running)}; two copies cannot share goroutines: start it with the copy it imports (under gosched run: the program's own, npx gosched run FILE from its project)`);
    }
    throw new Error(`${what} called outside a goroutine (only code started with go() may call it; a module's top-level code runs apart on every thread that imports it: make channels and sync objects in main and pass them to go())`);
  }
  return current;
}
