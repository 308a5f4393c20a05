// `check --accept` on a model with no claim and no accept labels: as pan -a, the option has
// no effect and the search is the safety one; the user is told so on stderr (pan's warning),
// not left to believe acceptance cycles were looked for. With an accept label it is a
// liveness search and no warning is printed.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/check-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'gosched-accept-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const WARNING = /warning: no accept labels are defined, so --accept has no effect \(ignored\)/;

test('check --accept without a claim or accept labels warns that it has no effect, and runs the safety search', { timeout: 60_000 }, async () => {
  const plain = join(scratch, 'plain.pml');
  writeFileSync(plain, 'byte x;\nactive proctype P() { x = 1; assert(x == 1) }\n');
  const labelled = join(scratch, 'labelled.pml');
  writeFileSync(labelled, 'byte x;\nactive proctype P() { do :: x = 1 -> accept: x = 0 od }\n');
  const [ignored, json, cycle] = await Promise.all([
    runCli(['check', plain, '--accept'], 30_000, scratch),
    runCli(['check', plain, '--accept', '--json'], 30_000, scratch),
    runCli(['check', labelled, '--accept'], 30_000, scratch),
  ]);
  assert.equal(ignored.code, 0, ignored.stderr);
  assert.match(ignored.stderr, WARNING);
  assert.match(ignored.stdout, /0 errors/);
  assert.equal(json.code, 0, json.stderr);
  assert.match(json.stderr, WARNING, 'the warning goes to stderr under --json too');
  assert.equal((JSON.parse(json.stdout) as { errors: number }).errors, 0);
  assert.equal(cycle.code, 1, `an accept label in a loop is an acceptance cycle: ${cycle.stdout}`);
  assert.doesNotMatch(cycle.stderr, WARNING);
});
