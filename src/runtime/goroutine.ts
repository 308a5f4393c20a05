// What a goroutine can call: the scheduler entry points of the goroutine running on
// this thread. Import these in a module whose exported functions you start with go().

import {
  G_GOID, USER_WORDS, gomaxprocsfunc, gosched as schedGosched, newproc, schedThrow, starttheworld, stoptheworld,
} from '../sched/index.js';
import { cur, current } from './context.js';
import { encodeSpec, writeSpec } from './spec.js';

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

/** Runs `fn` as a blocking system call: other goroutines may use this one's cpu slot
 * meanwhile. */
export function syscall<T>(fn: () => T): T {
  const c = cur('syscall');
  c.entersyscall(c.s, c.m, c.g);
  try {
    return fn();
  } finally {
    c.exitsyscall(c.s, c.m, c.g);
  }
}

/** runtime.Gosched: yield the cpu slot; returns when this goroutine may run again. */
export function gosched(): void {
  const c = cur('gosched');
  const next = schedGosched(c.s, c.m, c.g);
  // A started goroutine is wired to its thread, so the scheduler can only give it back.
  if (next !== c.g) schedThrow(`gosched: m${c.m} was handed g${next} while g${c.g} is on its stack`);
}

/** runtime.GOMAXPROCS: set the number of goroutines executing at once; n <= 0 queries.
 * Returns the previous setting. */
export function GOMAXPROCS(n: number): number {
  const c = cur('GOMAXPROCS');
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

/** Starts a goroutine running `export function name(...args)` of the module at `url`
 * (pass `import.meta.url` for the calling module). Returns its goroutine id. */
export function go(url: string, name: string, ...args: unknown[]): number {
  const c = cur('go');
  const bytes = encodeSpec({ url, name, args });
  const g = newproc(c.s, c.m, (g) => writeSpec(c.s, g, bytes));
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

