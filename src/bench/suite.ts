// The whole measurement: every selected benchmark at every GOMAXPROCS, both protocols
// INTERLEAVED (lock then atomic for each benchmark/procs pair, repeated --count times, Go's
// order: benchmark, then procs, then count), then the server benchmark, interleaved the same way.
// One Runtime per protocol for the whole series: M's (worker threads) never go away, so later
// runs reuse the threads that earlier ones started. No timed run pays for a thread start or
// for code not yet compiled: each Runtime starts the threads the largest benchmark needs
// (minThreads) and runs every selected body once, untimed, before the first timed run.

import { Runtime, type Protocol } from '../runtime/runtime.js';
import type { Benchtime } from './benchtime.js';
import { benchName } from './format.js';
import { runBenchmark } from './harness.js';
import { expectedPairs, runMicro, type MicroBench } from './micro.js';
import { CALLS_PER_SCHED } from './bodies.js';
import { makeFiles, runServer, formatRUS, type ServerConfig, type ServerRun } from './server.js';
import { median, type TableRow } from './table.js';

export type Row = {
  benchmark: string;   // BenchmarkSyscall
  name: string;        // BenchmarkSyscall-2
  procs: number;
  protocol: Protocol;
  run: number;         // 1..count
  iterations: number;  // the last b.N
  nsPerOp: number;
  growth: number[];    // every b.N tried
  failed?: string;
};

export type ServerRow = ServerRun & { protocol: Protocol; run: number; gomaxprocs: number };

export type SuiteOptions = {
  cpus: number[];
  protocols: Protocol[];
  benchtime: Benchtime;
  count: number;
  benches: MicroBench[];
  server: ServerConfig | null;
  serverProcs: number;
  progress: (s: string) => void;
  onRow?: (r: Row) => void;
  onServer?: (r: ServerRow) => void;
};

export type SuiteResult = { rows: Row[]; server: ServerRow[] };

export async function runSuite(o: SuiteOptions): Promise<SuiteResult> {
  const rows: Row[] = [];
  const server: ServerRow[] = [];
  const rts = new Map<Protocol, Runtime>();
  try {
    const maxProcs = Math.max(...o.cpus);
    const threads = Math.max(0, ...o.benches.map((b) => maxProcs * b.excess));
    for (const p of o.protocols) {
      const rt = await Runtime.start({ protocol: p, gomaxprocs: Math.max(maxProcs, o.serverProcs), minThreads: threads });
      rts.set(p, rt);
      if (o.benches.length > 0) o.progress(`${p.padEnd(6)} warm-up: ${threads} threads started, every body run once at GOMAXPROCS=${maxProcs}\n`);
      for (const b of o.benches) {
        rt.gomaxprocs(maxProcs);
        await runMicro(rt, b, maxProcs, 20 * CALLS_PER_SCHED);
      }
    }
    // Each status says how far the whole series is: [timed run k of total].
    const total = o.benches.length * o.cpus.length * o.count * o.protocols.length;
    const width = String(total).length;
    let k = 0;
    for (const b of o.benches) {
      for (const procs of o.cpus) {
        for (let run = 1; run <= o.count; run++) {
          for (const p of o.protocols) {
            const rt = rts.get(p)!;
            rt.gomaxprocs(procs);
            const name = benchName(b.name, procs);
            k++;
            o.progress(`[${String(k).padStart(width)}/${total}] ${p.padEnd(6)} ${name} (run ${run}/${o.count}) b.N =`);
            const res = await runBenchmark((n, deadline) => runMicro(rt, b, procs, n, deadline), o.benchtime, (n, _ns, cut) => o.progress(` ${n}${cut ? ' (cut at the deadline)' : ''}`));
            o.progress(` -> ${res.nsPerOp.toFixed(1)} ns/op\n`);
            const row: Row = { benchmark: b.name, name, procs, protocol: p, run, iterations: res.n, nsPerOp: res.nsPerOp, growth: res.runs.map((r) => r.n) };
            if (res.failed !== undefined) row.failed = res.failed;
            else if (o.benchtime.kind === 'duration' && expectedPairs(res.n) === 0) row.failed = coldFailure(res.runs);
            rows.push(row);
            o.onRow?.(row);
          }
        }
      }
    }
    if (o.server !== null) {
      const cfg = o.server;
      const files = makeFiles(cfg);
      try {
        const warm = { ...cfg, requests: Math.max(1, Math.floor(cfg.requests / 10)) };
        for (const p of o.protocols) {
          const rt = rts.get(p)!;
          rt.gomaxprocs(o.serverProcs);
          o.progress(`${p.padEnd(6)} server warm-up (starts the M's)\n`);
          await runServer(rt, warm, files.dir);
        }
        for (let run = 1; run <= o.count; run++) {
          for (const p of o.protocols) {
            const rt = rts.get(p)!;
            rt.gomaxprocs(o.serverProcs);
            const r = await runServer(rt, cfg, files.dir);
            const row: ServerRow = { ...r, protocol: p, run, gomaxprocs: o.serverProcs };
            o.progress(`${p.padEnd(6)} server (run ${run}/${o.count}) ${formatRUS(r)}\n`);
            server.push(row);
            o.onServer?.(row);
          }
        }
      } finally {
        files.remove();
      }
    }
  } finally {
    for (const rt of rts.values()) await rt.close();
  }
  return { rows, server };
}

/**
 * Why a benchmark that stopped below one batch has no result: the harness grows b.N until a
 * run lasts the benchtime, so it stops below CALLS_PER_SCHED only when a run that did no
 * enter/exit pair at all (b.N / 1000 batches) lasted the whole benchtime, the b.N = 1 retries
 * included: that time is thread starts or a stalled machine, not the benchmark. Go would
 * report it as the result.
 */
function coldFailure(runs: { n: number; ns: number }[]): string {
  const each = runs.map((r) => `b.N = ${r.n} in ${(r.ns / 1e6).toFixed(0)} ms`).join(', ');
  return `no result: the last run did no enter/exit pair (b.N below ${CALLS_PER_SCHED}) yet lasted the whole benchtime (${each}): a cold start or a stalled machine`;
}

/** The rows grouped into the comparison table's cells (benchmark x procs), in run order. */
export function tableRows(rows: Row[], goLines: { base: string; procs: number; nsPerOp: number }[] = []): TableRow[] {
  const out: TableRow[] = [];
  const key = (b: string, p: number) => `${b}\u0000${p}`;
  const idx = new Map<string, TableRow>();
  for (const r of rows) {
    let t = idx.get(key(r.benchmark, r.procs));
    if (t === undefined) {
      t = { bench: r.benchmark, procs: r.procs, lock: [], atomic: [] };
      idx.set(key(r.benchmark, r.procs), t);
      out.push(t);
    }
    if (r.failed === undefined) t[r.protocol].push(r.nsPerOp);
  }
  for (const g of goLines) {
    const t = idx.get(key(g.base, g.procs));
    if (t !== undefined) (t.go ??= []).push(g.nsPerOp);
  }
  return out;
}

/** The server runs' medians per protocol. */
export function serverSummary(rows: ServerRow[]): Partial<Record<Protocol, { real: number; user: number; sys: number; runs: number }>> {
  const out: Partial<Record<Protocol, { real: number; user: number; sys: number; runs: number }>> = {};
  for (const p of ['lock', 'atomic'] as const) {
    const rs = rows.filter((r) => r.protocol === p);
    if (rs.length === 0) continue;
    out[p] = { real: median(rs.map((r) => r.real)), user: median(rs.map((r) => r.user)), sys: median(rs.map((r) => r.sys)), runs: rs.length };
  }
  return out;
}
