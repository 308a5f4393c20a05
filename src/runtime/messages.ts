// Messages from M threads to the thread that owns the Runtime.

export type MMessage =
  /** The scheduler created M row `m` (matchmg found no idle M) and published it: start threads. */
  | { type: 'newm'; m: number }
  /** A thread has loaded and waits for an M row (m-claim.ts). */
  | { type: 'ready' }
  /** A thread took M row `m`. */
  | { type: 'claimed'; m: number }
  /** The last goroutine exited (the commit's exit(0) point). */
  | { type: 'exit' }
  /** A goroutine threw; it was ended cleanly and the scheduler's counters are intact. */
  | { type: 'panic'; goid: number; func: string; message: string; stack: string }
  /** The scheduler threw (runtime·throw): its state cannot be trusted any more. */
  | { type: 'fatal'; m: number; message: string; stack: string };
