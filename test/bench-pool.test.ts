// `gosched bench pool`: the workloads' arithmetic, the table, the command line, and one
// child run end to end (gosched only, one warm batch). No speed is asserted.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { WORKLOADS, formatPoolTable, idealS } from '../src/bench/pool/run.js';
import { runTask, spin } from '../src/bench/pool/work.js';

const cli = fileURLToPath(new URL('../src/cli.js', import.meta.url));
const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'bench-pool-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

test('the three workloads of the issue, and their ideal wall times', () => {
  assert.deepEqual(WORKLOADS.map((w) => [w.tasks, w.blockMs, w.computeMs]), [[64, 50, 0], [200, 10, 2], [64, 0, 50]]);
  assert.deepEqual(WORKLOADS.map((w) => idealS(w, 2)), [0.05, 0.2, 1.6]);
  assert.deepEqual(WORKLOADS.map((w) => idealS(w, 16)), [0.05, 0.025, 0.2]);
});

test('a task blocks, then computes a result that depends on every iteration', () => {
  assert.notEqual(spin(1000), spin(1001));
  const t0 = Date.now();
  assert.equal(runTask({ blockMs: 30, iters: 10 }), spin(10));
  assert.ok(Date.now() - t0 >= 25, 'it blocked');
});

test('the table is Markdown with aligned columns and ratios against piscina', () => {
  const row = (pool: 'gosched' | 'piscina', warmS: number) => ({
    pool, workload: 'a' as const, coldS: 1, warmS, warmRuns: [warmS], cpuS: 0.1, peakRssMb: 80, threads: 3,
    vsPiscina: warmS / 1.2, vsIdeal: warmS / 0.05,
  });
  const text = formatPoolTable({ cores: 2, itersPerMs: 1, failures: [], rows: [row('gosched', 0.06), row('piscina', 1.2)] });
  const lines = text.trimEnd().split('\n');
  assert.equal(lines.length, 4);
  assert.ok(lines.every((l) => l.length === lines[0]!.length), 'aligned');
  assert.match(lines[2]!, /\| gosched +\| +1\.00 \| +0\.060 \| +0\.05x \| +1\.20x \|/);
});

test('bench pool: bad options are usage errors (exit 2)', { timeout: 30_000 }, async () => {
  for (const args of [['--pool', 'nope'], ['--workload', 'd'], ['--warm', '0']]) {
    const e = await run(process.execPath, [cli, 'bench', 'pool', ...args]).then(() => null, (err: { code?: number; stderr?: string }) => err);
    assert.equal(e?.code, 2, args.join(' '));
    assert.match(e?.stderr ?? '', new RegExp(`--${args[0]!.slice(2)}`));
  }
});

test('bench pool runs gosched on workload (a) in a child and writes its table', { timeout: 120_000 }, async () => {
  const { stdout } = await run(process.execPath, [cli, 'bench', 'pool', '--pool', 'gosched', '--workload', 'a', '--warm', '1', '--json', '--out', scratch], { timeout: 110_000 });
  const doc = JSON.parse(stdout) as { rows: { pool: string; workload: string; coldS: number; warmS: number; threads: number; cpuS: number }[]; failures: string[] };
  assert.deepEqual(doc.failures, []);
  assert.equal(doc.rows.length, 1);
  const r = doc.rows[0]!;
  assert.equal(r.pool, 'gosched');
  assert.ok(r.warmS >= 0.05, `a batch of 50 ms blocks took ${r.warmS} s`);
  assert.ok(r.coldS >= r.warmS * 0.5 && r.threads >= 2, JSON.stringify(r));
  assert.match(readFileSync(join(scratch, 'pool.md'), 'utf8'), /\| \(a\) 64 tasks blocking 50 ms \| gosched \|/);
});

test('bench pool --idle: per-thread RSS of idle threads, the bare worker with its heap', { timeout: 120_000 }, async () => {
  const { stdout } = await run(process.execPath, [cli, 'bench', 'pool', '--idle', '--pool', 'gosched', '--threads', '2', '--json', '--out', scratch], { timeout: 110_000 });
  const doc = JSON.parse(stdout) as { threads: number; failures: string[]; rows: { kind: string; threads: number; perThreadMb: number; heap?: { space: string; usedBytes: number; physicalBytes: number }[] }[] };
  assert.deepEqual(doc.failures, []);
  assert.deepEqual(doc.rows.map((r) => [r.kind, r.threads]), [['bare', 2], ['gosched', 2]]);
  // A started worker thread holds at least its V8 heap resident: a row near zero measured
  // threads that had already exited, or none.
  for (const r of doc.rows) assert.ok(r.perThreadMb > 2 && r.perThreadMb < 100, JSON.stringify(r));
  const old = doc.rows[0]!.heap?.find((s) => s.space === 'old_space');
  assert.ok(old !== undefined && old.usedBytes > 1e6 && old.physicalBytes >= old.usedBytes, JSON.stringify(doc.rows[0]));
  assert.equal(doc.rows[1]!.heap, undefined);
  assert.match(readFileSync(join(scratch, 'idle.md'), 'utf8'), /^\| gosched \| 2 \| \d+\.\d\d \|$/m);
});

test('bench pool: --idle and --placement together, or --threads without --idle, are usage errors', { timeout: 30_000 }, async () => {
  for (const args of [['--idle', '--placement'], ['--threads', '4'], ['--idle', '--threads', '0']]) {
    const e = await run(process.execPath, [cli, 'bench', 'pool', ...args]).then(() => null, (err: { code?: number; stderr?: string }) => err);
    assert.equal(e?.code, 2, args.join(' '));
  }
});
