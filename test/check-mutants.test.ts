// Mutants of the commit's model ../shared/seed/proc.p (models/mutants/NAME.json, applied at
// run time; the repository carries no copy of proc.p). SPIN finds an error in each (its
// verdict is stored in the json); the checker must find the same kind of error, write a
// trail, and `replay` must follow that trail to the failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { applyMutant, describeRun, procPath, readJson, repoRoot, runCheck, runCli, skipWithoutProcP, type Mutant } from './support/check-cli.js';

const mutantsDir = join(repoRoot, 'models', 'mutants');
const mutants = readdirSync(mutantsDir).filter((f) => f.endsWith('.json')).map((f) => basename(f, '.json')).sort();
const CHECK_TIMEOUT_MS = 40_000;
const REPLAY_TIMEOUT_MS = 20_000;

const scratch = mkdtempSync(join(tmpdir(), 'check-mutants-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

test('proc.p is beside the repository and every mutant applies to it exactly once', { skip: skipWithoutProcP }, () => {
  assert.ok(existsSync(procPath), `${procPath} is missing (CI clones the repository with ../shared beside it)`);
  const source = readFileSync(procPath, 'utf8');
  assert.ok(mutants.filter((n) => readJson<Mutant>(join(mutantsDir, `${n}.json`)).spin.errorKind === 'assertion').length >= 3,
    'at least three mutants violate an assertion');
  for (const name of mutants) {
    const mutant = readJson<Mutant>(join(mutantsDir, `${name}.json`));
    const text = applyMutant(source, mutant);
    assert.notEqual(text, source, `${name} changes nothing`);
    assert.ok(mutant.spin.errors > 0, `${name}: SPIN found no error, so it is no test`);
  }
});

for (const name of mutants) {
  test(`mutant ${name}: the checker finds SPIN's kind of error and replay reaches it`, { timeout: CHECK_TIMEOUT_MS + REPLAY_TIMEOUT_MS + 10_000, skip: skipWithoutProcP }, async () => {
    const mutant = readJson<Mutant>(join(mutantsDir, `${name}.json`));
    const text = applyMutant(readFileSync(procPath, 'utf8'), mutant);
    const model = join(scratch, `${name}.pml`);
    const trail = join(scratch, `${name}.trail`);
    writeFileSync(model, text);

    const run = await runCheck(model, { maxDepth: 500000, trail, timeoutMs: CHECK_TIMEOUT_MS });
    assert.ok(!run.timedOut, `${name}: the checker did not finish in ${CHECK_TIMEOUT_MS} ms`);
    assert.equal(run.parseProblem, null, `${name}: ${run.parseProblem}\n${describeRun(run)}`);
    const got = run.result!;
    assert.equal(run.code, 1, `${name}: exit code\n${describeRun(run)}`);
    assert.ok(got.errors >= 1, `${name}: errors ${got.errors}`);
    assert.equal(got.error?.kind, mutant.spin.errorKind, `${name}: error kind (SPIN: ${mutant.spin.violation}); got ${JSON.stringify(got.error)}`);
    if (mutant.spin.errorKind === 'assertion') {
      assert.equal(typeof got.error!.line, 'number', `${name}: the failed assertion's line`);
      const lineText = text.split('\n')[got.error!.line! - 1] ?? '';
      assert.match(lineText, /\bassert\b/, `${name}: line ${got.error!.line} is not an assertion: ${JSON.stringify(lineText)}`);
    }
    // The checker searches in SPIN's order, so it stops at the same first error, with the
    // same counts: the same assertion (monitor's first or second check) at the same depth.
    assert.equal(got.error!.line, mutant.spin.failedLine, `${name}: the failing line (SPIN: ${mutant.spin.failedLine})`);
    assert.deepEqual(
      { statesStored: got.statesStored, statesMatched: got.statesMatched, transitions: got.transitions, depthReached: got.depthReached },
      { statesStored: mutant.spin.statesStored, statesMatched: mutant.spin.statesMatched, transitions: mutant.spin.transitions, depthReached: mutant.spin.depthReached },
      `${name}: counts at the first error differ from SPIN's`);
    assert.ok(existsSync(trail), `${name}: no trail at ${trail}`);

    const replay = await runCli(['replay', model, trail], REPLAY_TIMEOUT_MS);
    assert.ok(!replay.timedOut, `${name}: replay did not finish in ${REPLAY_TIMEOUT_MS} ms`);
    assert.equal(replay.code, 1, `${name}: replay's exit code\n${describeRun(replay)}`);
    const out = replay.stdout + replay.stderr;
    if (mutant.spin.errorKind === 'assertion') {
      assert.match(out, /assert/i, `${name}: replay does not mention the assertion\n${describeRun(replay)}`);
      assert.match(out, new RegExp(`\\b${got.error!.line}\\b`), `${name}: replay does not mention line ${got.error!.line}\n${describeRun(replay)}`);
    } else {
      assert.match(out, /invalid end state/i, `${name}: replay does not mention the invalid end state\n${describeRun(replay)}`);
    }
  });
}
