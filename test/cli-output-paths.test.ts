// Where a command is told to write (check --trail, bench --out, bench pool --out) is
// checked before any work: a place it cannot write is bad input (exit 2, naming the
// option and the place), not an internal error after a search or a benchmark run.
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, runCli } from './support/check-cli.js';

test('an unwritable --trail or --out is refused before the work, exit 2', { timeout: 120_000 }, async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gosched-out-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'a-file');
  writeFileSync(file, '');
  const model = path.join(repoRoot, 'models', 'spin', 'philosophers_deadlock.pml');
  const [trail, bench, pool] = await Promise.all([
    runCli(['check', model, '--trail', path.join(dir, 'missing', 'x.trail')], 60_000),
    runCli(['bench', '--out', path.join(file, 'sub')], 60_000),
    runCli(['bench', 'pool', '--out', path.join(file, 'sub')], 60_000),
  ]);
  assert.equal(trail.code, 2, trail.stderr);
  assert.match(trail.stderr, /^gosched: --trail .*missing\/x\.trail: cannot write there \(.*missing: ENOENT\)$/m);
  assert.equal(trail.stdout, '', 'refused before the search: no counterexample printed');
  for (const r of [bench, pool]) {
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^gosched: --out .*a-file\/sub: cannot write there \(ENOTDIR\)$/m);
    assert.equal(r.stdout, '', 'refused before any benchmark ran');
  }
});

// Node's own recursive mkdirSync never returns for a path under /proc (it retries the
// missing parent for ever), so `bench --out /proc/...` hung before the work began.
test('an --out under /proc is refused, not a hang', { skip: process.platform !== 'linux' && 'Linux /proc only', timeout: 60_000 }, async () => {
  const r = await runCli(['bench', '--out', '/proc/gosched-no-such/sub'], 30_000);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^gosched: --out \/proc\/gosched-no-such\/sub: cannot write there \(ENOENT\)$/m);
  assert.equal(r.stdout, '');
});

test('a usage error leaves nothing behind: bench makes no --out folder for a --bench that matches nothing; check refuses a --trail that is a folder before the search', { timeout: 120_000 }, async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gosched-out-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const out = path.join(dir, 'results');
  const model = path.join(repoRoot, 'models', 'spin', 'philosophers_deadlock.pml');
  const [bench, withGo, trail] = await Promise.all([
    runCli(['bench', '--bench', 'NoSuchBenchmark', '--out', out], 60_000),
    runCli(['bench', '--go', '--bench', 'NoSuchBenchmark', '--out', out], 60_000),
    runCli(['check', model, '--trail', dir], 60_000),
  ]);
  for (const r of [bench, withGo]) {
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^gosched: --bench 'NoSuchBenchmark' matches no benchmark/m);
  }
  assert.equal(existsSync(out), false, 'the --out folder was made for a run that never began');
  assert.equal(trail.code, 2, trail.stderr);
  assert.match(trail.stderr, /^gosched: --trail .*gosched-out-\w+: is a folder; name a file\n$/);
  assert.equal(trail.stdout, '', 'refused before the search: no counterexample printed');
});

test('check --trail naming the model itself (or a link to it) is refused before the search: the model is not overwritten', { timeout: 60_000 }, async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gosched-out-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const model = path.join(dir, 'm.pml');
  const text = 'init { assert(false) }\n';
  writeFileSync(model, text);
  symlinkSync(model, path.join(dir, 'link.pml'));
  const runs = await Promise.all([
    runCli(['check', model, '--trail', model], 30_000),
    runCli(['check', 'm.pml', '--trail', './link.pml'], 30_000, dir),
  ]);
  for (const r of runs) {
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^gosched: --trail .*(m|link)\.pml: is the model file; the trail would overwrite it\n$/);
    assert.equal(r.stdout, '');
  }
  assert.equal(readFileSync(model, 'utf8'), text, 'the model is as it was');
});
