// The owner's handle on a goroutine it started: its id, and a promise of its outcome.
// The promise is made only when `result` is first read, so a program that never asks
// (and waits with Runtime.wait instead) leaves no rejected promise unhandled.

export class Goroutine<T = unknown> {
  private promise: Promise<T> | undefined;
  private settle: { resolve: (v: T) => void; reject: (e: Error) => void } | undefined;
  private outcome: { ok: true; value: T } | { ok: false; error: Error } | undefined;

  constructor(readonly id: number) {}

  /** Resolves with the goroutine's return value (structured-cloned from its thread),
   * rejects with its GoroutinePanic, or with the SchedulerError that ended the Runtime. */
  get result(): Promise<T> {
    if (this.promise === undefined) {
      this.promise = new Promise<T>((resolve, reject) => {
        this.settle = { resolve, reject };
      });
      if (this.outcome !== undefined) this.deliver();
    }
    return this.promise;
  }

  /** Whether someone asked for the result (so a panic is theirs to handle). */
  get observed(): boolean {
    return this.promise !== undefined;
  }

  /** @internal */
  finish(outcome: { ok: true; value: T } | { ok: false; error: Error }): void {
    if (this.outcome !== undefined) return;
    this.outcome = outcome;
    if (this.settle !== undefined) this.deliver();
  }

  private deliver(): void {
    const o = this.outcome!;
    if (o.ok) this.settle!.resolve(o.value);
    else this.settle!.reject(o.error);
  }
}

/** The handles whose goroutines have not finished yet. */
export class Results {
  private readonly live = new Map<number, Goroutine<any>>();
  /** Run once when a goroutine's outcome is known (its AbortSignal stops being watched). */
  private readonly settled = new Map<number, () => void>();

  /** Handles still waiting for their goroutine's outcome. */
  get pending(): number {
    return this.live.size;
  }

  onSettled(id: number, f: () => void): void {
    if (this.live.has(id)) this.settled.set(id, f);
    else f();
  }

  private done(id: number): void {
    const f = this.settled.get(id);
    this.settled.delete(id);
    f?.();
  }

  add<T>(id: number): Goroutine<T> {
    const h = new Goroutine<T>(id);
    this.live.set(id, h);
    return h;
  }

  resolve(id: number, value: unknown): void {
    this.live.get(id)?.finish({ ok: true, value });
    this.live.delete(id);
    this.done(id);
  }

  /** Reports whether the panic went to a handle whose result someone asked for. */
  reject(id: number, error: Error): boolean {
    const h = this.live.get(id);
    this.live.delete(id);
    this.done(id);
    if (h === undefined) return false;
    h.finish({ ok: false, error });
    return h.observed;
  }

  rejectAll(error: Error): void {
    for (const h of this.live.values()) h.finish({ ok: false, error });
    this.live.clear();
    for (const id of [...this.settled.keys()]) this.done(id);
  }
}
