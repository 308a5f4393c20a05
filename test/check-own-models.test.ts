// This project's own Promela models of its own protocols (models/*.pml), checked by
// gosched check and compared with the figures SPIN 6.5.2 produced for them
// (models/NAME.expected.json, command inside).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describeRun, readJson, repoRoot, runCheck, type SpinExpected } from './support/check-cli.js';

const dir = join(repoRoot, 'models');
const models = readdirSync(dir).filter((f) => f.endsWith('.pml')).map((f) => basename(f, '.pml'));
const scratch = mkdtempSync(join(tmpdir(), 'check-own-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

test('the project has models of its own protocols', () => {
  assert.ok(models.includes('gosched-wired'), models.join(', '));
});

for (const name of models) {
  test(`${name}: verified, with SPIN's figures`, { timeout: 120_000 }, async () => {
    const expected = readJson<SpinExpected>(join(dir, `${name}.expected.json`));
    const run = await runCheck(join(dir, `${name}.pml`), { maxDepth: expected.maxDepth, trail: join(scratch, `${name}.trail`), timeoutMs: 110_000 });
    assert.equal(run.parseProblem, null, describeRun(run));
    const got = run.result!;
    assert.equal(got.errors, expected.errors, `${name}: ${got.error?.message ?? ''}`);
    const pick = (r: { statesStored: number; statesMatched: number; transitions: number; atomicSteps: number; depthReached: number }) =>
      [r.statesStored, r.statesMatched, r.transitions, r.atomicSteps, r.depthReached];
    assert.deepEqual(pick(got), pick(expected), `${name}: [stored, matched, transitions, atomic steps, depth] differ from SPIN's`);
  });
}
