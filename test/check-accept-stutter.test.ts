// pan -a on a model without a claim reports a state that no process can move from, with a
// process at an accept label, as "accept stutter" (an accepting run that stutters), one
// level up from its frame for the state (depth--; uerror): its trail holds every move into
// that state. The checker's counterexample must hold as many (pan's NAME.pan.txt says
// "(at depth N)": N + 1 moves), and `gosched replay` must end its trail in the same error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileModel } from '../src/check/model.js';
import { livenessSearch } from '../src/check/liveness.js';
import { describeRun, repoRoot, runCli } from './support/check-cli.js';

const model = join(repoRoot, 'models', 'liveness', 'accept_stutter.pml');
const panDepth = Number(/accept stutter \(at depth (\d+)\)/.exec(readFileSync(join(repoRoot, 'models', 'liveness', 'accept_stutter.pan.txt'), 'utf8'))![1]);

for (const fairness of [false, true]) {
  test(`accept stutter${fairness ? ' (weak fairness)' : ''}: the counterexample holds pan's moves into the state`, () => {
    const m = compileModel(model, readFileSync(model, 'utf8')).machine;
    const r = livenessSearch(m, { maxDepth: 10000, memLimitBytes: 1 << 30, mode: 'accept', fairness });
    assert.equal(r.error?.kind, 'accept-stutter');
    assert.equal(r.error!.steps.length, panDepth + 1);
  });
}

test('gosched replay ends an accept-stutter trail in the accept stutter', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'accept-stutter-'));
  try {
    const trail = join(dir, 't.trail');
    const found = await runCli(['check', model, '--accept', '--trail', trail], 20_000);
    assert.equal(found.code, 1, describeRun(found));
    assert.match(found.stdout, new RegExp(`accept stutter \\(at depth ${panDepth}\\)`), describeRun(found));
    const replayed = await runCli(['replay', model, trail], 20_000);
    assert.equal(replayed.code, 1, describeRun(replayed));
    assert.match(replayed.stdout, /gosched: accept stutter\n/, describeRun(replayed));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
