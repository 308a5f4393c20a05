// How `gosched bench-check` reads pan's report, and how it reports the comparison.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatBenchCheck, parsePanOutput, type BenchCheckResult } from '../src/bench/check-vs-spin.js';
import { repoRoot, runCli } from './support/check-cli.js';

const spinDir = join(repoRoot, 'models', 'spin');

test('parsePanOutput reads pan\'s report for proc.p', () => {
  const r = parsePanOutput(readFileSync(join(spinDir, 'bench', 'proc.pan.txt'), 'utf8'));
  assert.equal(r.spinVersion, '6.5.2');
  assert.equal(r.errors, 0);
  assert.equal(r.errorKind, null);
  assert.equal(r.statesStored, 1624086);
  assert.equal(r.statesMatched, 2507269);
  assert.equal(r.transitions, 4131355);
  assert.equal(r.atomicSteps, 1011561);
  assert.equal(r.depthReached, 32402);
  assert.equal(r.depthLimitHit, false);
  assert.equal(r.stateVectorBytes, 60);
  assert.ok(r.memoryMB !== null && r.memoryMB > 100, `memory ${r.memoryMB}`);
  assert.ok(r.elapsedSeconds !== null && r.elapsedSeconds > 0, `elapsed ${r.elapsedSeconds}`);
});

test('parsePanOutput reads the verdict, an invalid end state and a cut depth', () => {
  const dead = parsePanOutput(readFileSync(join(spinDir, 'philosophers_deadlock.pan.txt'), 'utf8'));
  assert.equal(dead.errors, 1);
  assert.equal(dead.errorKind, 'invalid-end-state');
  const flags = parsePanOutput(readFileSync(join(spinDir, 'naive_flags.pan.txt'), 'utf8'));
  assert.equal(flags.errorKind, 'assertion');
  const deep = parsePanOutput(readFileSync(join(spinDir, 'depth_bound.pan.txt'), 'utf8'));
  assert.equal(deep.depthLimitHit, true);
  assert.equal(deep.errors, 0);
  assert.equal(deep.elapsedSeconds, 0);
});

test('parsePanOutput agrees with every stored expected figure', () => {
  const names = readdirSync(spinDir).filter((f) => f.endsWith('.pan.txt')).map((f) => f.slice(0, -'.pan.txt'.length));
  assert.ok(names.length >= 18);
  for (const name of names) {
    const r = parsePanOutput(readFileSync(join(spinDir, `${name}.pan.txt`), 'utf8'));
    const e = JSON.parse(readFileSync(join(spinDir, `${name}.expected.json`), 'utf8')) as Record<string, unknown>;
    for (const k of ['errors', 'errorKind', 'statesStored', 'statesMatched', 'transitions', 'atomicSteps', 'depthReached', 'depthLimitHit'] as const) {
      assert.equal(r[k], e[k], `${name}: ${k}`);
    }
  }
});

test('parsePanOutput returns nulls for text that is not a pan report', () => {
  const r = parsePanOutput('spin: proc.p:3, Error: syntax error');
  assert.equal(r.statesStored, null);
  assert.equal(r.errors, null);
  assert.equal(r.elapsedSeconds, null);
});

function result(spinStored: number | null): BenchCheckResult {
  const counts = { errors: 0, statesStored: 100, statesMatched: 50, transitions: 150, atomicSteps: 7, depthReached: 9 };
  const ours = { runs: [], wallSeconds: 3, searchSeconds: 2, peakRssMB: 300, counts };
  if (spinStored === null) {
    return { model: 'm.pml', maxDepth: 10, runs: 1, ours, spin: null, spinSkipped: 'spin not on PATH', searchRatio: null, verdictRatio: null, countsMatch: null, mismatches: [] };
  }
  const same = spinStored === counts.statesStored;
  return {
    model: 'm.pml', maxDepth: 10, runs: 1, ours,
    spin: { runs: [], wallSeconds: 1.5, searchSeconds: 0.5, peakRssMB: 150, counts: { ...counts, statesStored: spinStored }, commands: 'spin ...', version: '6.5.2', panMemoryMB: 200 },
    spinSkipped: null, searchRatio: 4, verdictRatio: 2, countsMatch: same,
    mismatches: same ? [] : [`statesStored: ours 100 vs SPIN ${spinStored}`],
  };
}

test('the report gives the ratios, and says MISMATCH only when counts differ', () => {
  const ok = formatBenchCheck(result(100));
  assert.match(ok, /search time.*2\.00 s.*0\.50 s.*4\.00x/);
  assert.match(ok, /model to verdict.*3\.00 s.*1\.50 s.*2\.00x/);
  assert.match(ok, /peak resident memory.*300\.0 MB.*150\.0 MB.*2\.00x/);
  assert.doesNotMatch(ok, /MISMATCH/);
  const bad = formatBenchCheck(result(99));
  assert.match(bad, /MISMATCH/);
  assert.match(bad, /statesStored: ours 100 vs SPIN 99/);
});

test('without SPIN the report gives ours only and says why', () => {
  const r = formatBenchCheck(result(null));
  assert.match(r, /SPIN not run \(spin not on PATH\)/);
  assert.match(r, /search time.*2\.00 s/);
});

test('bench-check: --help tells the options; bad usage exits 2 without running anything', async () => {
  const help = await runCli(['bench-check', '--help'], 20_000);
  assert.equal(help.code, 0);
  for (const opt of ['--runs', '--json', '--max-depth', '--atomic', '--large', '--vectorsz N', '--only ROWS', 'atomic_long.pml', 'pegs_large.pml', 'spin -o1 -o2 -o3 -a', '-DSAFETY -DNOREDUCE', '-DVECTORSZ=N']) assert.ok(help.stdout.includes(opt), opt);
  for (const args of [['--runs', '0'], ['--runs', 'x'], ['a.pml', 'b.pml'], ['--bogus'], ['/no/such/model.pml'], ['--only', 'suite,nope'], ['--only', ','], ['--vectorsz', '0'], ['--vectorsz', 'big']]) {
    const r = await runCli(['bench-check', ...args], 20_000);
    assert.equal(r.code, 2, `bench-check ${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^gosched: /, `bench-check ${args.join(' ')}: one-line message`);
  }
});

test("pan's counts past 1e8 (printed as 1.5660188e+08) parse, and compare at pan's precision", async () => {
  const { parsePanOutput, samePanCount } = await import('../src/bench/check-vs-spin.js');
  const p = parsePanOutput(' 52200625 states, stored\n1.5660188e+08 states, matched\n2.088025e+08 transitions (= stored+matched)\n        0 atomic steps\n');
  assert.deepEqual([p.statesStored, p.statesMatched, p.transitions, p.atomicSteps], [52200625, 156601880, 208802500, 0]);
  assert.equal(samePanCount(156601876, p.statesMatched), true);
  assert.equal(samePanCount(156601976, p.statesMatched), false);
  assert.equal(samePanCount(52200624, p.statesStored), false);
});

test("the table calls counts past 1e8 equal when pan's rounded figure agrees (atomic_long's 1.1759638e+08 atomic steps)", () => {
  const r = result(100);
  const ours = { ...r.ours, counts: { ...r.ours.counts, atomicSteps: 117596384 } };
  const spin = { ...r.spin!, counts: { ...r.spin!.counts, atomicSteps: 117596380 } };
  assert.doesNotMatch(formatBenchCheck({ ...r, ours, spin }), /MISMATCH/);
  const off = { ...spin, counts: { ...spin.counts, atomicSteps: 117596480 } };
  assert.match(formatBenchCheck({ ...r, ours, spin: off }), /atomicSteps\s+117596384\s+117596480\s+MISMATCH/);
});

test('bench-check on a vector over pan\'s default 1024 bytes: refused with --vectorsz named, equal counts with it', { timeout: 240_000 }, async (t) => {
  const { benchCheck, BenchCheckError } = await import('../src/bench/check-vs-spin.js');
  const onPath = (x: string) => (process.env['PATH'] ?? '').split(':').some((d) => d !== '' && existsSync(join(d, x)));
  if (!onPath('spin') || !onPath('gcc')) { t.skip('spin or gcc not on PATH'); return; }
  const dir = mkdtempSync(join(tmpdir(), 'bench-vectorsz-'));
  try {
    // 1,200 bytes of array, four states (two assignments, then the end): pan's default
    // build stops at the first one.
    const model = join(dir, 'wide.pml');
    writeFileSync(model, 'byte a[1200];\nactive proctype p() { a[1199] = 1; a[0] = 2 }\n');
    await assert.rejects(benchCheck({ model, runs: 1, maxDepth: 100 }), (e: unknown) => e instanceof BenchCheckError && /--vectorsz N/.test(e.message));
    const r = await benchCheck({ model, runs: 1, maxDepth: 100, vectorSize: 2048 });
    assert.ok(r.spin !== null && r.spin.commands.includes('-DVECTORSZ=2048'), r.spin?.commands);
    assert.equal(r.countsMatch, true, r.mismatches.join('; '));
    assert.equal(r.ours.counts.statesStored, 4);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
