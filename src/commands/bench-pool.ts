// `gosched bench pool`: gosched against piscina and tinypool on the same workloads.

import fs from 'node:fs';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { outputDir, parse, positiveInt, refuseUnused, UsageError } from './usage.js';
import { POOLS, WORKLOADS, formatPoolTable, idealS, runPoolBench } from '../bench/pool/run.js';
import type { PoolName } from '../bench/pool/child.js';
import { piecesTo, progressFor } from '../bench/progress.js';
import { formatPlacement, runPlacement } from '../bench/pool/placement.js';
import { calibrate } from '../bench/pool/work.js';
import { type IdleKind, type IdleRow, formatIdle, runIdleChild } from '../bench/pool/idle.js';

/** --idle's bound on threads per kind: about 10 MB each, so 10 GB at the bound. Unbounded,
 * --threads 1000000000 filled the memory of the machine before its child's timeout. */
const MAX_IDLE_THREADS = 1024;

export const help = `usage: gosched bench pool [options]

Runs the same workloads on gosched (GOMAXPROCS = cores, protocol atomic), piscina and
tinypool (both at their defaults), each pool and workload in a child process of its own:
  (a) 64 tasks that each block 50 ms in a synchronous call (Atomics.wait)
  (b) 200 tasks that block 10 ms, then compute 2 ms
  (c) 64 tasks of 50 ms of computation
The computation is a loop calibrated once, so every pool runs the same instructions. For
each: cold wall time (the first batch, thread starts included), warm wall time (median of
the later batches), CPU seconds of a warm batch (all threads), the child's peak RSS, and
threads started. piscina and tinypool must be installed (they are devDependencies).

options:
  --warm N          warm batches after the cold one (default 3)
  --workload LIST   a,b,c (default all)
  --pool LIST       gosched,piscina,tinypool (default all)
  --json            one JSON document on stdout (progress: on stderr, on a terminal only)
  --out DIR         where pool.json and pool.md are written (default bench-results/);
                    --idle writes idle.json and idle.md there, --placement writes nothing
                    (and refuses --out and --pool; --idle refuses --workload and --warm)
  --placement       instead of the table: gosched alone on one workload (--workload, default
                    b; it must compute), 1 + --warm batches in this process, each task traced:
                    per batch, the wall time, how long the computations took, and for how
                    long two of them shared one core (Linux: /proc/thread-self/stat)
  --idle            instead of the table: the resident memory of one idle thread, for a
                    bare Node worker (the floor) and the pools of --pool, each starting
                    --threads threads in a child process of its own ((RSS after - before)
                    / threads), and a bare worker's V8 heap after a full collection;
                    written to idle.md and idle.json under --out
  --threads N       idle threads per kind for --idle, 1 to ${MAX_IDLE_THREADS} (default 16)
  -h, --help        this help

exit status: 0; 2 bad usage (a pool not installed included); 4 when a pool's child
process failed (each failure is printed on stderr), a child stopped for running past
its time included (5 minutes a pool and workload, 2 an --idle kind: --warm or --threads
too large for the machine).
`;

const OPTIONS = {
  warm: { type: 'string' },
  workload: { type: 'string' },
  pool: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string' },
  placement: { type: 'boolean' },
  idle: { type: 'boolean' },
  threads: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function listOf<T extends string>(flag: string, value: string | undefined, all: readonly T[]): T[] {
  if (value === undefined) return [...all];
  const parts = value.split(',').map((s) => s.trim());
  for (const p of parts) if (!all.includes(p as T)) throw new UsageError(`--${flag} must be a comma-separated list of ${all.join(', ')}, got '${value}'`);
  return all.filter((x) => parts.includes(x));
}

export async function run(argv: string[]): Promise<number> {
  const { values: v } = parse(argv, OPTIONS);
  if (v.help) {
    process.stdout.write(help);
    return 0;
  }
  const pools = listOf<PoolName>('pool', v.pool, POOLS);
  const keys = listOf('workload', v.workload, WORKLOADS.map((w) => w.key));
  const warmBatches = positiveInt('warm', v.warm, 3);
  if (v.placement && v.idle) throw new UsageError('--placement and --idle are two different runs: give one');
  if (v.threads !== undefined && !v.idle) throw new UsageError('--threads is for --idle');
  // Each of the two other runs ignores some options: refused, naming them, not dropped.
  if (v.placement) refuseUnused(v, ['pool', 'out'], '--placement runs gosched alone and writes no file');
  if (v.idle) refuseUnused(v, ['workload', 'warm'], '--idle runs no workload, it starts idle threads');
  if (v.placement) return placement(v.workload, warmBatches, v.json === true);
  const out = v.out ?? 'bench-results';
  const threads = positiveInt('threads', v.threads, 16);
  if (threads > MAX_IDLE_THREADS) throw new UsageError(`--threads must be at most ${MAX_IDLE_THREADS} (each idle thread holds about 10 MB), got ${threads}`);
  await requireInstalled(pools);
  // Made once everything typed has been checked: a refused run leaves no folder behind.
  outputDir('--out', out);
  if (v.idle) return idle(pools, threads, out, v.json === true);
  // Progress: one line in place when stderr is a terminal, none otherwise (progress.ts).
  const live = progressFor(process.stderr);
  const r = await runPoolBench({
    warmBatches, pools, workloads: WORKLOADS.filter((w) => keys.includes(w.key)), progress: piecesTo(live), childTimeoutMs: 300_000,
  });
  live.done();
  const table = formatPoolTable(r);
  const ideals = WORKLOADS.filter((w) => keys.includes(w.key)).map((w) => `(${w.key}) ${idealS(w, r.cores).toFixed(3)} s`).join(', ');
  const note = `${r.cores} cores, Node ${process.version}; warm = median of ${warmBatches} batches; ideal = max(one task, total computation / cores): ${ideals}\n`;
  fs.writeFileSync(path.join(out, 'pool.md'), table + '\n' + note);
  const doc = { command: 'gosched bench pool', cores: r.cores, node: process.version, warmBatches, itersPerMs: r.itersPerMs, rows: r.rows, failures: r.failures };
  fs.writeFileSync(path.join(out, 'pool.json'), JSON.stringify(doc, null, 2) + '\n');
  if (v.json) process.stdout.write(JSON.stringify(doc) + '\n');
  else process.stdout.write(`\n${table}\n${note}`);
  for (const f of r.failures) process.stderr.write(`${f}\n`);
  return r.failures.length > 0 ? 4 : 0;
}

/** piscina and tinypool are devDependencies: a pool asked for must be installed. */
async function requireInstalled(pools: readonly PoolName[]): Promise<void> {
  for (const dep of pools.filter((p) => p !== 'gosched')) {
    try {
      await import(dep);
    } catch {
      throw new UsageError(`${dep} is not installed (it is a devDependency: run npm install in gosched's checkout, or pass --pool gosched)`);
    }
  }
}

/** --idle: see idle.ts. The bare worker always runs: it is the floor the others are read against. */
async function idle(pools: readonly PoolName[], threads: number, out: string, json: boolean): Promise<number> {
  const live = progressFor(process.stderr);
  const rows: IdleRow[] = [];
  const failures: string[] = [];
  for (const kind of ['bare', ...pools] as IdleKind[]) {
    live.update(`idle threads: ${kind} x ${threads} ...`);
    try {
      rows.push(await runIdleChild(kind, threads, 120_000));
    } catch (err) {
      failures.push((err as Error).message);
    }
  }
  live.done();
  const note = `${threads} idle threads per row, Node ${process.version}, ${availableParallelism()} cores\n`;
  const table = formatIdle(rows);
  fs.writeFileSync(path.join(out, 'idle.md'), table + '\n' + note);
  const doc = { command: 'gosched bench pool --idle', node: process.version, threads, rows, failures };
  fs.writeFileSync(path.join(out, 'idle.json'), JSON.stringify(doc, null, 2) + '\n');
  if (json) process.stdout.write(JSON.stringify(doc) + '\n');
  else process.stdout.write(`${table}\n${note}`);
  for (const f of failures) process.stderr.write(`${f}\n`);
  return failures.length > 0 ? 4 : 0;
}

/** --placement: see placement.ts. */
async function placement(workload: string | undefined, warmBatches: number, json: boolean): Promise<number> {
  const key = workload ?? 'b';
  const w = WORKLOADS.find((x) => x.key === key);
  if (w === undefined) throw new UsageError(`--placement takes one workload (a, b or c), got '${key}'`);
  if (w.computeMs <= 0) throw new UsageError(`--placement needs a workload that computes; (${w.key}) only blocks`);
  const live = progressFor(process.stderr);
  const batches = await runPlacement({ workload: w, itersPerMs: calibrate(), batches: 1 + warmBatches, progress: (s) => live.update(s) });
  live.done();
  if (json) process.stdout.write(JSON.stringify({ command: 'gosched bench pool --placement', workload: w.key, cores: availableParallelism(), batches }) + '\n');
  else process.stdout.write(formatPlacement(w, batches) + '\n');
  return 0;
}
