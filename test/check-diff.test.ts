// Differential tests of the model checker against SPIN 6.5.2: every models/spin/NAME.pml is
// checked through the CLI contract and compared with NAME.expected.json, which SPIN produced
// (models/spin/regen.mjs: spin -o1 -o2 -o3 -a, gcc -O2 -DSAFETY -DNOREDUCE, ./pan -mN).
// SPIN itself is not needed to run these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  applyMutant, compareWithSpin, describeRun, procPath, readJson, repoRoot, runCli, skipWithoutProcP, type Mutant, type SpinExpected,
} from './support/check-cli.js';

const modelsDir = join(repoRoot, 'models', 'spin');
const models = readdirSync(modelsDir).filter((f) => f.endsWith('.pml')).map((f) => basename(f, '.pml')).sort();
const CHILD_TIMEOUT_MS = 20_000;

const scratch = mkdtempSync(join(tmpdir(), 'check-diff-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

test('every model has SPIN expected figures', () => {
  assert.ok(models.length >= 18, `only ${models.length} models in models/spin`);
  for (const name of models) {
    assert.ok(existsSync(join(modelsDir, `${name}.expected.json`)), `${name}.expected.json is missing`);
    const e = readJson<SpinExpected>(join(modelsDir, `${name}.expected.json`));
    assert.equal(e.spinVersion, '6.5.2', name);
    assert.equal(e.transitions, e.statesStored + e.statesMatched, `${name}: SPIN's transitions are stored+matched`);
  }
  const kinds = models.map((n) => readJson<SpinExpected>(join(modelsDir, `${n}.expected.json`)).errorKind);
  assert.ok(kinds.includes(null) && kinds.includes('assertion') && kinds.includes('invalid-end-state'), 'the suite mixes verdicts');
});

for (const name of models) {
  test(`${name}: same verdict and counts as SPIN`, { timeout: CHILD_TIMEOUT_MS + 10_000 }, async () => {
    const expected = readJson<SpinExpected>(join(modelsDir, `${name}.expected.json`));
    await compareWithSpin(scratch, name, join(modelsDir, `${name}.pml`), expected, CHILD_TIMEOUT_MS);
  });
}

// Smaller variants of the commit's model ../shared/seed/proc.p (models/spin/variants/NAME.json):
// every construct of proc.p, with SPIN's exact counts.
const variantsDir = join(modelsDir, 'variants');
const variants = readdirSync(variantsDir).filter((f) => f.endsWith('.json')).map((f) => basename(f, '.json')).sort();
const VARIANT_TIMEOUT_MS = 60_000;

for (const name of variants) {
  test(`proc.p variant ${name}: same verdict and counts as SPIN`, { timeout: VARIANT_TIMEOUT_MS + 10_000, skip: skipWithoutProcP }, async () => {
    assert.ok(existsSync(procPath), `${procPath} is missing (CI clones the repository with ../shared beside it)`);
    const variant = readJson<{ replace: Mutant['replace']; expected: SpinExpected }>(join(variantsDir, `${name}.json`));
    const model = join(scratch, `${name}.pml`);
    writeFileSync(model, applyMutant(readFileSync(procPath, 'utf8'), variant));
    await compareWithSpin(scratch, name, model, variant.expected, VARIANT_TIMEOUT_MS);
  });
}

test('check: a missing model is bad input (exit 2)', { timeout: CHILD_TIMEOUT_MS + 5_000 }, async () => {
  const run = await runCli(['check', join(scratch, 'no-such-model.pml'), '--json'], CHILD_TIMEOUT_MS);
  assert.equal(run.code, 2, describeRun(run));
  assert.match(run.stdout + run.stderr, /no-such-model\.pml/, `the message names the file\n${describeRun(run)}`);
});

test('check: a syntax error is bad input (exit 2)', { timeout: CHILD_TIMEOUT_MS + 5_000 }, async () => {
  const bad = join(scratch, 'syntax.pml');
  writeFileSync(bad, 'active proctype P() {\n\tbyte x;\n\tx = = 1\n}\n');
  const run = await runCli(['check', bad, '--json'], CHILD_TIMEOUT_MS);
  assert.equal(run.code, 2, describeRun(run));
  assert.match(run.stdout + run.stderr, /syntax\.pml\D{0,12}3\b|line 3\b/i, `the message names the file and line 3\n${describeRun(run)}`);
});
