// `gosched bench pool --placement`: where the time of a gosched batch goes between the
// cpu slots and the cores. GOMAXPROCS = cores lets as many goroutines compute as there
// are cores; whether they compute on different cores is the operating system's choice,
// made at each thread wake-up. This runs a workload's batches with a trace of every task
// (traced-task.ts) and reports, per batch, how long the computations took against what
// they cost alone, and for how long two of them shared one core while
// GOMAXPROCS said both could run: time one core spent on two threads
// (each at half speed) and, with 2 cores, time the other core had no computation.
//
// Measured so (README, "What it shows"): under Linux's default scheduler a warm (b) batch
// spends about 50 ms of its 370 with two computations on one core; under SCHED_FIFO
// (`chrt -f 10`), none, and the batch takes 0.25 s. gosched cannot place threads: Node
// has no call for a thread's cpu affinity.

import { availableParallelism } from 'node:os';
import { Runtime } from '../../runtime/runtime.js';
import { T_CORE_FROM, T_CORE_TO, T_CPU, T_END, TRACE_SLOTS } from './traced-task.js';
import type { Workload } from './work.js';

const tracedTask = new URL('./traced-task.js', import.meta.url).href;

/** A computation's interval (ms) on one core. */
export interface Stint {
  from: number;
  to: number;
  core: number;
}

/** Milliseconds during which two or more stints ran on the same core (each moment counted
 * once per core, however many shared it). */
export function sharedCoreMs(stints: readonly Stint[]): number {
  const byCore = new Map<number, Stint[]>();
  for (const s of stints) {
    const list = byCore.get(s.core);
    if (list === undefined) byCore.set(s.core, [s]);
    else list.push(s);
  }
  let total = 0;
  for (const list of byCore.values()) {
    // Sweep the interval ends in time order; time with two or more open counts.
    const ends = list.flatMap((s) => [[s.from, 1], [s.to, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let open = 0;
    let last = 0;
    for (const [t, d] of ends) {
      if (open >= 2) total += t - last;
      open += d;
      last = t;
    }
  }
  return total;
}

export interface PlacementBatch {
  wallMs: number;
  /** Sum of the tasks' computation intervals (ms), and the mean one. */
  computeMs: number;
  meanComputeMs: number;
  /** Computations that ended on another core than they began on. */
  migrated: number;
  /** ms with two computations on one core (sharedCoreMs of those that did not move). */
  sharedMs: number;
  /** Whether the cores could be read (Linux /proc). */
  coresKnown: boolean;
}

export interface PlacementOptions {
  workload: Workload;
  itersPerMs: number;
  batches: number;
  progress?: (s: string) => void;
}

export async function runPlacement(o: PlacementOptions): Promise<PlacementBatch[]> {
  const { workload: w } = o;
  const iters = Math.round(w.computeMs * o.itersPerMs);
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: availableParallelism() });
  const out: PlacementBatch[] = [];
  try {
    for (let b = 0; b < o.batches; b++) {
      o.progress?.(`batch ${b + 1}/${o.batches}`);
      const trace = new SharedArrayBuffer(w.tasks * TRACE_SLOTS * 8);
      const t = new Float64Array(trace);
      const t0 = performance.now();
      for (let i = 0; i < w.tasks; i++) rt.go(tracedTask, 'tracedTask', [trace, i, w.blockMs, iters]);
      await rt.wait();
      const wallMs = performance.now() - t0;
      const stints: Stint[] = [];
      let computeMs = 0;
      let migrated = 0;
      let coresKnown = true;
      for (let i = 0; i < w.tasks; i++) {
        const o2 = i * TRACE_SLOTS;
        const [from, to, c0, c1] = [t[o2 + T_CPU]!, t[o2 + T_END]!, t[o2 + T_CORE_FROM]!, t[o2 + T_CORE_TO]!];
        if (!(to >= from && from > 0)) throw new Error(`placement: task ${i} left no trace (from ${from}, to ${to})`);
        computeMs += to - from;
        if (c0 < 0 || c1 < 0) coresKnown = false;
        else if (c0 !== c1) migrated++;
        else stints.push({ from, to, core: c0 });
      }
      out.push({ wallMs, computeMs, meanComputeMs: computeMs / w.tasks, migrated, sharedMs: coresKnown ? sharedCoreMs(stints) : 0, coresKnown });
    }
  } finally {
    await rt.close();
  }
  return out;
}

export function formatPlacement(w: Workload, batches: readonly PlacementBatch[]): string {
  const lines = [
    `gosched, workload (${w.key}) ${w.title}, GOMAXPROCS ${availableParallelism()}; the first batch is cold`,
    '| batch | wall ms | computation ms (sum) | per task ms | moved between cores | ms two on one core |',
    '|------:|--------:|---------------------:|------------:|--------------------:|-------------------:|',
  ];
  batches.forEach((b, i) => {
    const shared = b.coresKnown ? b.sharedMs.toFixed(0) : 'n/a';
    const moved = b.coresKnown ? String(b.migrated) : 'n/a';
    lines.push(`| ${i + 1} | ${b.wallMs.toFixed(0)} | ${b.computeMs.toFixed(0)} | ${b.meanComputeMs.toFixed(2)} | ${moved} | ${shared} |`);
  });
  lines.push(`each task computes ${w.computeMs} ms alone; "two on one core": time a core ran two computations at once (Linux /proc/thread-self/stat)`);
  return lines.join('\n');
}
