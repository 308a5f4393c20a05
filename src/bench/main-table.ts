// What `npm start` shows of the benchmarks: the commit message's comparison table at this
// machine's core counts, with a short benchtime, and a small server benchmark; under ~30 s.

import os from 'node:os';
import { MICRO_BENCHMARKS } from './micro.js';
import { SERVER_DEFAULT, formatRUS } from './server.js';
import { runSuite, serverSummary, tableRows } from './suite.js';
import { formatTable } from './table.js';

export async function runMainTable(opts: { progress?: (s: string) => void } = {}): Promise<void> {
  const progress = opts.progress ?? (() => {});
  const cores = Math.min(4, os.availableParallelism());
  const cpus = Array.from({ length: cores }, (_, i) => i + 1);
  const server = { ...SERVER_DEFAULT, requests: 400 };
  const r = await runSuite({
    cpus, protocols: ['lock', 'atomic'], benchtime: { kind: 'duration', ns: 150e6 }, count: 1,
    benches: MICRO_BENCHMARKS.filter((b) => b.excess === 1), server, serverProcs: cores, progress,
  });
  process.stdout.write(`Go commit 025abd5's benchmarks on this scheduler (old = lock, new = atomic; benchtime 150ms, ${cores} cores):\n\n`);
  process.stdout.write(formatTable(tableRows(r.rows)));
  const s = serverSummary(r.server);
  process.stdout.write(`\nserver benchmark (${server.goroutines} goroutines doing stat+read between bursts of computation):\n`);
  if (s.lock) process.stdout.write(`  old (lock)    ${formatRUS(s.lock)}\n`);
  if (s.atomic) process.stdout.write(`  new (atomic)  ${formatRUS(s.atomic)}\n`);
  process.stdout.write(`\n('npm run bench' runs the full comparison: every benchmark, 1s each, with a chart.)\n`);
}
