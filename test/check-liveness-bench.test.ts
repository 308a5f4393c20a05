// Which model of the liveness suite `gosched bench-check --liveness` searches: the
// largest one pan verifies completely (a search that stops at its first error measures
// only the part of the product it saw), with the depth bound of its pan command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { largestCompleteLivenessModel, onlyRows } from '../src/commands/bench-check.js';
import { UsageError } from '../src/commands/usage.js';
import { repoRoot } from './support/check-cli.js';

const afRun = (errors: number, stored: number, depth: number) =>
  ({ mode: 'af', errors, statesStored: stored, command: `spin -a m.pml && gcc -o pan pan.c && ./pan -a -f -m${depth}` });

test('bench-check --liveness prefers a model pan verifies completely over a larger one that stops at an error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'live-bench-'));
  try {
    const write = (name: string, runs: object[]) => writeFileSync(join(dir, `${name}.expected.json`), JSON.stringify({ ltl: null, spinClaim: `never ${name} { skip }`, runs }));
    write('stops_at_error', [afRun(1, 90000, 10000)]);
    write('complete_small', [afRun(0, 500, 10000)]);
    write('complete_large', [{ mode: 'a', errors: 1, statesStored: 3, command: './pan -a -m10000' }, afRun(0, 7000, 250000)]);
    write('no_fair_run', [{ mode: 'a', errors: 0, statesStored: 99999, command: './pan -a -m10000' }]);
    const best = largestCompleteLivenessModel(dir);
    assert.deepEqual(best, { name: 'complete_large', stored: 7000, claim: 'never complete_large { skip }', maxDepth: 250000 });
    for (const f of readdirSync(dir)) if (f !== 'stops_at_error.expected.json') rmSync(join(dir, f));
    assert.throws(() => largestCompleteLivenessModel(dir), /no model in .* has a complete -a -f run/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the suite has a model for the benchmark that pan searches completely with over 100,000 states', () => {
  const suite = join(repoRoot, 'models', 'liveness');
  const best = largestCompleteLivenessModel(suite);
  const e = JSON.parse(readFileSync(join(suite, `${best.name}.expected.json`), 'utf8')) as { runs: { mode: string; errors: number; statesStored: number; command: string }[] };
  const af = e.runs.find((r) => r.mode === 'af')!;
  assert.equal(af.errors, 0, `${best.name}: pan -a -f must verify it completely`);
  assert.equal(best.stored, af.statesStored);
  assert.ok(best.stored > 100_000, `${best.name}: only ${best.stored} states stored`);
  assert.ok(af.command.includes(` -m${best.maxDepth}`), `${best.name}: depth bound ${best.maxDepth} not in '${af.command}'`);
});

test('bench-check --only picks rows in the table\'s order; without it --atomic, --large and --liveness add theirs', () => {
  const rows = (only: string | undefined, atomic = false, liveness = false, large = false) => [...onlyRows(only, atomic, liveness, large)];
  assert.deepEqual(rows(undefined), ['safety']);
  assert.deepEqual(rows(undefined, true, true), ['safety', 'atomic', 'suite', 'wired']);
  assert.deepEqual(rows(undefined, true, true, true), ['safety', 'atomic', 'large', 'suite', 'wired']);
  assert.deepEqual(rows(undefined, false, false, true), ['safety', 'large']);
  assert.deepEqual(rows(undefined, false, true), ['safety', 'suite', 'wired']);
  assert.deepEqual(rows('wired, suite'), ['suite', 'wired']);
  assert.deepEqual(rows('wired,large'), ['large', 'wired']);
  assert.deepEqual(rows('suite', true, true), ['suite']);
  assert.throws(() => rows('suite,filter_lock_4'), (e: unknown) => e instanceof UsageError && /unknown row 'filter_lock_4' \(rows: safety, atomic, large, suite, wired\)/.test(e.message));
  assert.throws(() => rows(' , '), UsageError);
});
