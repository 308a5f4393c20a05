// Messages from M threads to the thread that owns the Runtime.

export type MMessage =
  /** The scheduler created M row `m` (matchmg found no idle M) and published it: start threads. */
  | { type: 'newm'; m: number }
  /** A thread has loaded and waits for an M row (m-claim.ts). */
  | { type: 'ready' }
  /** A thread took M row `m`. */
  | { type: 'claimed'; m: number }
  /** The thread imports goroutine `goid`'s module `url` (null: the import is over), so
   * that a thread Node ends meanwhile is blamed on the module's top-level code. */
  | { type: 'importing'; url: string | null; goid: number }
  /** The last goroutine exited (the commit's exit(0) point). */
  | { type: 'exit' }
  /** A goroutine threw; it was ended cleanly and the scheduler's counters are intact.
   * `ret`: the owner started it and may hold its handle. */
  | { type: 'panic'; goid: number; func: string; message: string; stack: string; ret?: boolean }
  /** A goroutine the owner started returned `value`. */
  | { type: 'done'; goid: number; value: unknown }
  /** Goroutine `goid` (0: none, module top-level code) called process.exit: Go's os.Exit
   * (os-exit.ts). */
  | { type: 'osexit'; goid: number; status: number }
  /** A shared buffer met for the first time in a value: the owner forwards it to every M. */
  | { type: 'sab'; id: number; sab: SharedArrayBuffer }
  /** A fatal error (runtime·throw): the scheduler's, or the goroutine API's ("sync: unlock
   * of unlocked mutex"); the program cannot go on. */
  | { type: 'fatal'; m: number; message: string; stack: string; sched?: boolean };
