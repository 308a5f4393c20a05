// This project's own Promela models of its own protocols (models/*.pml), checked by
// gosched check and compared with the figures SPIN 6.5.2 produced for them
// (models/NAME.expected.json, command inside).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { compareWithSpin, readJson, repoRoot, type SpinExpected } from './support/check-cli.js';

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
    assert.equal(expected.errors, 0, `${name}: SPIN verified it`);
    await compareWithSpin(scratch, name, join(dir, `${name}.pml`), expected, 110_000);
  });
}
