// What `npm start` shows of the benchmarks: the commit message's comparison table at this
// machine's core counts, with a short benchtime but three runs per cell (medians), and a small
// server benchmark.

import os from 'node:os';
import { MICRO_BENCHMARKS } from './micro.js';
import { SERVER_DEFAULT, formatRUS } from './server.js';
import { runSuite, serverSummary, tableRows } from './suite.js';
import { formatTable } from './table.js';
import { piecesTo, progressFor, type Progress } from './progress.js';

/** The table's repetitions: each cell is the median of COUNT interleaved runs. */
export const MAIN_TABLE_COUNT = 3;
const BENCHTIME_MS = 100;

/** Progress goes to `opts.progress` (default: stderr's, one line in place on a terminal,
 * none elsewhere: see progress.ts); the table and the server summary to stdout. */
export async function runMainTable(opts: { progress?: Progress } = {}): Promise<boolean> {
  const live = opts.progress ?? progressFor(process.stderr);
  const progress = piecesTo(live);
  const cores = Math.min(4, os.availableParallelism());
  const cpus = Array.from({ length: cores }, (_, i) => i + 1);
  const server = { ...SERVER_DEFAULT, requests: 400 };
  const r = await runSuite({
    cpus, protocols: ['lock', 'atomic'], benchtime: { kind: 'duration', ns: BENCHTIME_MS * 1e6 }, count: MAIN_TABLE_COUNT,
    benches: MICRO_BENCHMARKS.filter((b) => b.excess === 1), server, serverProcs: cores, progress,
  });
  live.done();
  process.stdout.write(`Go commit 025abd5's benchmarks on this scheduler (old = lock, new = atomic; median of ${MAIN_TABLE_COUNT} interleaved runs of ${BENCHTIME_MS}ms each, ${cores} cores):\n\n`);
  process.stdout.write(formatTable(tableRows(r.rows)));
  // A failed run is left out of its cell's median and named here ('-' when a cell has none).
  const failed = r.rows.filter((x) => x.failed !== undefined);
  for (const f of failed) process.stdout.write(`--- FAIL: ${f.name} (${f.protocol}, run ${f.run}): ${f.failed}\n`);
  const s = serverSummary(r.server);
  process.stdout.write(`\nserver benchmark (${server.goroutines} goroutines doing stat+read between bursts of computation):\n`);
  if (s.lock) process.stdout.write(`  old (lock)    ${formatRUS(s.lock)}\n`);
  if (s.atomic) process.stdout.write(`  new (atomic)  ${formatRUS(s.atomic)}\n`);
  process.stdout.write(`\n('npm run bench' runs the full comparison: every benchmark, 1s each, with a chart.)\n`);
  const serverErrors = r.server.reduce((n, x) => n + x.errors, 0);
  if (serverErrors > 0) process.stdout.write(`--- FAIL: server benchmark: ${serverErrors} responses did not check out\n`);
  return failed.length === 0 && serverErrors === 0;
}
