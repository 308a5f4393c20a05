// This project's own Promela models of its own protocols (models/*.pml, and the variants
// of them in models/variants/*.json, applied as patches), checked by gosched check and
// compared with the figures SPIN 6.5.2 produced for them (command inside each file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { applyMutant, compareWithSpin, readJson, repoRoot, type Mutant, type SpinExpected } from './support/check-cli.js';

const dir = join(repoRoot, 'models');
const models = readdirSync(dir).filter((f) => f.endsWith('.pml')).map((f) => basename(f, '.pml'));
const variantsDir = join(dir, 'variants');
const variants = readdirSync(variantsDir).filter((f) => f.endsWith('.json')).map((f) => basename(f, '.json'));
const scratch = mkdtempSync(join(tmpdir(), 'check-own-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const TIMEOUT_MS = 110_000;

test('the project has models of both its protocols', () => {
  assert.ok(models.includes('gosched-wired'), models.join(', '));
  assert.ok(variants.includes('gosched-wired-lock'), variants.join(', '));
});

for (const name of models) {
  test(`${name}: verified, with SPIN's figures`, { timeout: TIMEOUT_MS + 10_000 }, async () => {
    const expected = readJson<SpinExpected>(join(dir, `${name}.expected.json`));
    assert.equal(expected.errors, 0, `${name}: SPIN verified it`);
    await compareWithSpin(scratch, name, join(dir, `${name}.pml`), expected, TIMEOUT_MS);
  });
}

for (const name of variants) {
  test(`${name}: verified, with SPIN's figures`, { timeout: TIMEOUT_MS + 10_000 }, async () => {
    const variant = readJson<{ replace: Mutant['replace']; expected: SpinExpected }>(join(variantsDir, `${name}.json`));
    const base = readFileSync(join(dir, 'gosched-wired.pml'), 'utf8');
    const patched = applyMutant(base, variant);
    assert.notEqual(patched, base, `${name}: the patch applies`);
    const model = join(scratch, `${name}.pml`);
    writeFileSync(model, patched);
    assert.equal(variant.expected.errors, 0, `${name}: SPIN verified it`);
    await compareWithSpin(scratch, name, model, variant.expected, TIMEOUT_MS);
  });
}
