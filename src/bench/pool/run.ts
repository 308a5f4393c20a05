// `gosched bench pool`: the same three workloads on gosched (GOMAXPROCS = cores), piscina
// and tinypool at their defaults, each pool and workload alone in a child process (cold
// thread starts, its own peak RSS), with the spin loop calibrated once here.

import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { median } from '../table.js';
import { type ChildResult, POOLS, type PoolName } from './child.js';
import { WORKLOADS, type Workload, calibrate } from './work.js';

export interface PoolBenchOptions {
  warmBatches: number;
  pools: readonly PoolName[];
  workloads: readonly Workload[];
  progress: (s: string) => void;
  /** Bound on one child (ms): a pool that hangs fails the command instead of hanging it. */
  childTimeoutMs: number;
}

export interface PoolRow {
  pool: PoolName;
  workload: Workload['key'];
  coldS: number;
  warmS: number;
  warmRuns: number[];
  cpuS: number;
  peakRssMb: number;
  threads: number;
  /** This row's warm wall time over piscina's on the same workload. */
  vsPiscina: number | null;
  /** Warm wall time over the ideal (see idealS). */
  vsIdeal: number;
}

export interface PoolBenchResult {
  cores: number;
  itersPerMs: number;
  rows: PoolRow[];
  failures: string[];
}

/** The best wall time any pool could reach on `cores` cores: the longest task, or the
 * total computation spread over every core, whichever is longer. */
export function idealS(w: Workload, cores: number): number {
  return Math.max(w.blockMs + w.computeMs, (w.tasks * w.computeMs) / cores) / 1000;
}

const childJs = fileURLToPath(new URL('./child.js', import.meta.url));

function runChildProcess(pool: PoolName, w: Workload, itersPerMs: number, o: PoolBenchOptions): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [childJs, pool, w.key, String(itersPerMs), String(o.warmBatches)], { timeout: o.childTimeoutMs, maxBuffer: 1 << 20 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`${pool} on (${w.key}): ${err.killed ? `killed after ${o.childTimeoutMs} ms` : err.message}\n${stderr}`));
        else resolve(JSON.parse(stdout.trim().split('\n').pop()!) as ChildResult);
      });
  });
}

export async function runPoolBench(o: PoolBenchOptions): Promise<PoolBenchResult> {
  const cores = availableParallelism();
  const itersPerMs = calibrate();
  o.progress(`calibrated: ${itersPerMs} spin iterations per ms on this thread; ${cores} cores\n`);
  const rows: PoolRow[] = [];
  const failures: string[] = [];
  for (const w of o.workloads) {
    const mine: PoolRow[] = [];
    for (const pool of o.pools) {
      o.progress(`(${w.key}) ${w.title}: ${pool} ...`);
      try {
        const r = await runChildProcess(pool, w, itersPerMs, o);
        const warmS = median(r.warmMs) / 1000;
        const row: PoolRow = {
          pool, workload: w.key, coldS: r.coldMs / 1000, warmS, warmRuns: r.warmMs.map((x) => x / 1000),
          cpuS: median(r.warmCpuS), peakRssMb: r.peakRssMb, threads: r.threads, vsPiscina: null, vsIdeal: warmS / idealS(w, cores),
        };
        o.progress(` cold ${row.coldS.toFixed(2)} s, warm ${row.warmS.toFixed(3)} s, ${row.threads} threads\n`);
        mine.push(row);
      } catch (err) {
        o.progress(' failed\n');
        failures.push((err as Error).message);
      }
    }
    const pis = mine.find((r) => r.pool === 'piscina');
    for (const r of mine) r.vsPiscina = pis ? r.warmS / pis.warmS : null;
    rows.push(...mine);
  }
  return { cores, itersPerMs, rows, failures };
}

/** The result as a Markdown table (the README carries one). */
export function formatPoolTable(r: PoolBenchResult): string {
  const head = ['workload', 'pool', 'cold wall s', 'warm wall s', 'warm / piscina', 'warm / ideal', 'CPU s (warm)', 'peak RSS MB', 'threads'];
  const lines = r.rows.map((x) => {
    const w = WORKLOADS.find((y) => y.key === x.workload)!;
    return [`(${w.key}) ${w.title}`, x.pool, x.coldS.toFixed(2), x.warmS.toFixed(3), x.vsPiscina === null ? '-' : `${x.vsPiscina.toFixed(2)}x`,
      `${x.vsIdeal.toFixed(2)}x`, x.cpuS.toFixed(2), x.peakRssMb.toFixed(0), String(x.threads)];
  });
  const width = head.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join(' | ')} |`;
  const sep = `|${width.map((n, i) => (i < 2 ? `${'-'.repeat(n + 1)}-` : `${'-'.repeat(n + 1)}:`)).join('|')}|`;
  return [fmt(head), sep, ...lines.map(fmt)].join('\n') + '\n';
}

export { POOLS, WORKLOADS };
