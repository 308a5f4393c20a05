// Go's os.Exit in a goroutine: `process.exit(code)` on an M thread would end only that
// worker (Node's rule for worker threads), which the Runtime can only read as a crash
// ("thread of m0 exited with code 3", and a Go program's exit status lost). So an M
// replaces its process.exit: the goroutine's request goes to the owner, and the
// goroutine never returns from the call, as nothing runs after os.Exit in Go. Under
// run() and `gosched run` the program then ends with that status (a ProgramExit);
// a Runtime used as a library ends with a SchedulerError that says which goroutine
// called it, since ending its owner's whole process is not a goroutine's to decide.
import { showValue } from './show-value.js';

/** The status process.exit(code) asks for, or a TypeError for a code Node would refuse. */
export function exitStatus(code: unknown): number {
  if (code === undefined || code === null) return 0;
  const n = typeof code === 'string' && /^-?\d+$/.test(code) ? Number(code) : code;
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new TypeError(`process.exit: code must be an integer, got ${showValue(code)}`);
  }
  // The status a parent sees, as exit(2) truncates it.
  return n & 0xff;
}

/** Installs the M's process.exit: `request` tells the owner, then the thread waits to be
 * terminated. */
export function replaceProcessExit(request: (status: number) => void): void {
  process.exit = ((code?: unknown) => {
    request(exitStatus(code));
    const forever = new Int32Array(new SharedArrayBuffer(4));
    for (;;) Atomics.wait(forever, 0, 0);
  }) as typeof process.exit;
}
