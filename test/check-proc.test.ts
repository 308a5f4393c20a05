// The acceptance figures: proc.p from Go's 2011 scheduler, unmodified, has no errors and
// exactly SPIN 6.5.2's counts (spin -o1 -o2 -o3 -a; gcc -DSAFETY -DNOREDUCE; ./pan -m500000),
// and with pan's default depth bound the same figures as pan with its warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadModel } from '../src/check/model.js';
import { search } from '../src/check/search.js';

import { procPath as PROC, skipWithoutProcP as skip } from './support/shared.js';

test('proc.p is where the tests expect it', { skip }, () => {
  assert.ok(existsSync(PROC), `missing ${PROC}`);
});

test('proc.p: no errors and SPIN 6.5.2\'s exact figures', { timeout: 60_000, skip }, () => {
  const r = search(loadModel(PROC).machine, { maxDepth: 500000, memLimitBytes: 4096 * 1048576 });
  assert.equal(r.error, null);
  assert.equal(r.statesStored, 1624086);
  assert.equal(r.statesMatched, 2507269);
  assert.equal(r.statesStored + r.statesMatched, 4131355);
  assert.equal(r.atomicSteps, 1011561);
  assert.equal(r.depthReached, 32402);
  assert.equal(r.depthLimitHit, false);
});

test('proc.p with the default depth bound cuts the search where pan does', { timeout: 60_000, skip }, () => {
  const r = search(loadModel(PROC).machine, { maxDepth: 10000, memLimitBytes: 4096 * 1048576 });
  assert.equal(r.depthLimitHit, true);
  assert.equal(r.statesStored, 1490782);
  assert.equal(r.statesMatched, 2323140);
  assert.equal(r.depthReached, 9999);
});

test('proc.p with --memlim 40 stops cleanly with the figures so far, exit 3', { timeout: 60_000, skip }, async () => {
  const cli = fileURLToPath(new URL('../src/cli.js', import.meta.url));
  const err = await promisify(execFile)(process.execPath, [cli, 'check', PROC, '--max-depth', '500000', '--memlim', '40', '--json'])
    .then(() => null, (e: { code?: number; stdout?: string }) => e);
  assert.ok(err !== null, 'a cut search does not exit 0');
  assert.equal(err.code, 3);
  const r = JSON.parse(err.stdout ?? '');
  assert.equal(r.memoryLimitHit, true);
  assert.equal(r.errors, 0);
  assert.ok(r.statesStored > 0 && r.statesStored < 1624086, `stored ${r.statesStored}`);
});
