// The search over schedules: depth-first, every execution run from the start and driven
// by a schedule prefix (as loom does), exhaustive up to a bound on preemptions (CHESS's
// iterative context bounding: most concurrency bugs need one or two preemptions, and
// with the bound the number of executions grows polynomially, not exponentially).
//
// A preemption is a switch away from a thread that could have gone on; a switch when
// the running thread blocks (Atomics.wait, a scenario's `until`) or ends is free. A
// timed Atomics.wait blocks too, but its thread stays enabled: the search may let its
// time run out (the wait returns "timed-out") wherever it chooses.
// Without a new choice, an execution goes on with the thread that ran last.
//
// Reduction: state hashing. The state after a step is the shared memory the world names
// plus, for each thread, a hash of every value it has read (which with its code fixes
// its local state), whether it sleeps, and which thread ran last. A state already met
// with no more preemptions spent is not explored again (sound for the bounded search:
// the earlier visit had at least the same budget left). Keys are 53-bit hashes of two
// independent 32-bit hashes (hash compaction, like SPIN's -DHC: a collision could hide a
// state; at the state counts here the chance is below 1e-6). A partial-order reduction
// (DPOR) was rejected for now: hashing already merges the reorderings of independent
// steps that lead to the same state, at a fraction of the code.

import { type Machine, type Thread, ThreadThrew, mix } from './machine.js';
import type { Op } from './ops.js';

export interface World {
  machine: Machine;
  /** Word indices of machine.mem that make up the shared state (for hashing). */
  stateIndices: Int32Array;
  /** After every step: a failure message, or null. */
  check(): string | null;
  /** When no thread can run: a failure message (deadlock, a goroutine lost), or null. */
  atEnd(): string | null;
  /** A readable name for word i (for traces). */
  nameOf(i: number): string;
}

export interface SearchOptions {
  preemptionBound: number;
  /** An execution longer than this is a failure (a livelock). */
  maxSteps: number;
  /** Stop after this many executions (the result says it was cut). */
  maxExecutions: number;
  hashing: boolean;
  /** Told the executions and states so far every PROGRESS_MS of a search (a search at
   * bound 3 runs minutes, and printed nothing until its end). */
  progress?: (executions: number, states: number) => void;
}

const PROGRESS_MS = 10_000;

export const DEFAULT_SEARCH: SearchOptions = { preemptionBound: 2, maxSteps: 5000, maxExecutions: 1_000_000, hashing: true };

export interface Failure {
  kind: 'throw' | 'check' | 'end' | 'steps';
  message: string;
  /** Thread ids, one per step: replay() runs exactly this execution again. */
  schedule: number[];
}

export interface SearchResult {
  executions: number;
  /** Distinct states met (with hashing), or steps taken (without). */
  states: number;
  hashing: boolean;
  /** Executions cut short at a state already explored. */
  pruned: number;
  maxDepth: number;
  /** False when maxExecutions cut the search. */
  complete: boolean;
  failure: Failure | null;
  ms: number;
}

interface Frame {
  enabled: number[];
  chosen: number;
  last: number;
  lastEnabled: boolean;
  preempts: number;
  tried: Set<number>;
}

type Outcome = { end: 'done' | 'pruned' } | { end: 'failure'; failure: Failure };

export function search(make: () => World, options: Partial<SearchOptions> = {}): SearchResult {
  const opts = { ...DEFAULT_SEARCH, ...options };
  const t0 = performance.now();
  const visited = new Map<number, number>();
  const stack: Frame[] = [];
  let executions = 0;
  let pruned = 0;
  let steps = 0;
  let maxDepth = 0;
  let failure: Failure | null = null;
  let complete = true;
  let told = t0;
  for (;;) {
    const out = execute(make(), stack, opts, visited);
    executions++;
    if (opts.progress !== undefined && (executions & 63) === 0 && performance.now() - told >= PROGRESS_MS) {
      told = performance.now();
      opts.progress(executions, opts.hashing ? visited.size : steps + out.steps);
    }
    steps += out.steps;
    maxDepth = Math.max(maxDepth, out.steps);
    if (out.outcome.end === 'failure') {
      failure = out.outcome.failure;
      break;
    }
    if (out.outcome.end === 'pruned') pruned++;
    if (!backtrack(stack, opts.preemptionBound)) break;
    if (executions >= opts.maxExecutions) {
      complete = false;
      break;
    }
  }
  return { executions, states: opts.hashing ? visited.size : steps, hashing: opts.hashing, pruned, maxDepth, complete, failure, ms: performance.now() - t0 };
}

/** Sets the deepest frame with an untried choice within the bound to that choice and
 * drops the frames below it; false when none is left. */
function backtrack(stack: Frame[], bound: number): boolean {
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    const alt = f.enabled.find((id) => !f.tried.has(id) && f.preempts + (f.lastEnabled && id !== f.last ? 1 : 0) <= bound);
    if (alt !== undefined) {
      f.tried.add(alt);
      f.chosen = alt;
      return true;
    }
    stack.pop();
  }
  return false;
}

function stateKey(w: World, last: number): number {
  const mem = w.machine.mem;
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x2545f491;
  const idx = w.stateIndices;
  for (let k = 0; k < idx.length; k++) {
    const x = mem[idx[k]!]!;
    h1 = mix(h1, x);
    h2 = mix(h2 ^ 0x5bd1e995, x + k);
  }
  for (const t of w.machine.threads) {
    const x = t.op === null ? -1 : t.asleep ? -2 : t.woken ? -3 : 0;
    h1 = mix(mix(h1, t.hist), x);
    h2 = mix(mix(h2, t.hist ^ 0x27d4eb2d), x);
  }
  h1 = mix(h1, last);
  h2 = mix(h2, last + 7);
  return (h1 >>> 0) * 2 ** 21 + (h2 >>> 11);
}

function execute(w: World, stack: Frame[], opts: SearchOptions, visited: Map<number, number>): { outcome: Outcome; steps: number } {
  const m = w.machine;
  const schedule = (j: number) => stack.slice(0, j + 1).map((f) => f.chosen);
  let last = -1;
  let preempts = 0;
  for (let j = 0; ; j++) {
    const en = m.enabled();
    if (en.length === 0) {
      const msg = w.atEnd();
      return { steps: j, outcome: msg === null ? { end: 'done' } : { end: 'failure', failure: { kind: 'end', message: msg, schedule: schedule(j - 1) } } };
    }
    if (j >= opts.maxSteps) {
      return { steps: j, outcome: { end: 'failure', failure: { kind: 'steps', message: `no end after ${j} steps (a livelock, or raise the step bound)`, schedule: schedule(j - 1) } } };
    }
    let f: Frame;
    if (j < stack.length) {
      f = stack[j]!;
      if (!en.some((t) => t.id === f.chosen)) throw new Error(`internal: replayed choice ${f.chosen} is not enabled at step ${j} (the run is not deterministic)`);
    } else {
      if (opts.hashing) {
        const key = stateKey(w, last);
        const seen = visited.get(key);
        if (seen !== undefined && seen <= preempts) return { steps: j, outcome: { end: 'pruned' } };
        visited.set(key, preempts);
      }
      // A thread asleep in a timed wait is enabled only to time out: leaving it is no
      // preemption, and an execution goes on with an awake thread where one can run.
      const lastEnabled = en.some((t) => t.id === last && !t.asleep);
      const chosen = lastEnabled ? last : (en.find((t) => !t.asleep) ?? en[0]!).id;
      f = { enabled: en.map((t) => t.id), chosen, last, lastEnabled, preempts, tried: new Set([chosen]) };
      stack.push(f);
    }
    if (f.lastEnabled && f.chosen !== f.last) preempts++;
    const t = m.threads[f.chosen]!;
    try {
      m.step(t);
    } catch (err) {
      if (!(err instanceof ThreadThrew)) throw err;
      return { steps: j + 1, outcome: { end: 'failure', failure: { kind: 'throw', message: err.message, schedule: schedule(j) } } };
    }
    const msg = w.check();
    if (msg !== null) return { steps: j + 1, outcome: { end: 'failure', failure: { kind: 'check', message: msg, schedule: schedule(j) } } };
    last = t.id;
  }
}

/** Runs exactly `schedule` again on a fresh world, returning each step as a line and the
 * failure it ends in (null if none); `fits` is false when the schedule names a thread
 * that cannot run at some step (then it is no schedule of this world at all). */
export function replay(make: () => World, schedule: number[]): { trace: string[]; failure: string | null; fits: boolean } {
  const w = make();
  const m = w.machine;
  const trace: string[] = [];
  m.onStep = (t: Thread, op: Op, result: number | string) => {
    const arg = op.k === 'compareExchange' ? ` ${op.v}->${op.w}` : op.k === 'rd' || op.k === 'load' || op.k === 'until' ? '' : ` ${op.v}`;
    trace.push(`${String(trace.length).padStart(4)}  ${t.name.padEnd(4)} ${op.k} ${op.k === 'until' ? '' : w.nameOf(op.i)}${arg} => ${result}`);
  };
  for (let j = 0; j < schedule.length; j++) {
    const t = m.threads[schedule[j]!];
    if (!t || !m.enabled().includes(t)) return { trace, failure: `the schedule does not fit: thread ${schedule[j]} cannot run at step ${j}`, fits: false };
    try {
      m.step(t);
    } catch (err) {
      if (err instanceof ThreadThrew) return { trace, failure: err.message, fits: true };
      throw err;
    }
    const msg = w.check();
    if (msg !== null) return { trace, failure: msg, fits: true };
  }
  if (m.enabled().length === 0) return { trace, failure: w.atEnd(), fits: true };
  return { trace, failure: null, fits: true };
}

/** A schedule as text: run lengths, "0x12 1x3 0x40". */
export function formatSchedule(s: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < s.length;) {
    let j = i;
    while (j < s.length && s[j] === s[i]) j++;
    out.push(`${s[i]}x${j - i}`);
    i = j;
  }
  return out.join(' ');
}

/** A schedule from its text. Longer than `maxSteps` in all is refused before anything is
 * expanded: no execution the search runs is longer (`0x99999999999` filled the memory). */
export function parseSchedule(text: string, maxSteps = DEFAULT_SEARCH.maxSteps): number[] {
  const parts = text.trim().split(/[\s,]+/).filter(Boolean);
  const runs = parts.map((part) => {
    const m = /^(\d+)(?:x(\d+))?$/.exec(part);
    if (!m) throw new Error(`bad schedule element '${part}' (expected THREADxCOUNT, e.g. 0x12)`);
    return { thread: Number(m[1]), count: Number(m[2] ?? 1) };
  });
  const total = runs.reduce((n, r) => n + r.count, 0);
  // Zero steps replays nothing and would pass: not a schedule the search prints.
  if (total === 0) throw new Error('the schedule is empty (expected THREADxCOUNT ..., e.g. 0x12 1x3)');
  if (total > maxSteps) throw new Error(`the schedule has ${total} steps, more than any execution runs (${maxSteps}, the search's step bound)`);
  return runs.flatMap((r) => new Array<number>(r.count).fill(r.thread));
}
