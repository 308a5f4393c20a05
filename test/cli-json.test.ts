// README: "`--json` prints exactly one JSON document on stdout". Every command that takes
// --json, in its cheap forms (a listing, a tiny model, and a usage error, which --json
// reports as a JSON object too), each run as a user types it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/check-cli.js';
import { which } from '../src/bench/check-vs-spin.js';

const scratch = mkdtempSync(join(tmpdir(), 'gosched-json-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const model = join(scratch, 'tiny.pml');
writeFileSync(model, 'byte x;\nactive proctype P() { x = 1; assert(x == 1) }\n');

const RUNS: { args: string[]; code: number }[] = [
  { args: ['mutants', '--list', '--json'], code: 0 },
  { args: ['mutants', '--json', '--only', 'no-such-mutant'], code: 2 },
  { args: ['check', model, '--json'], code: 0 },
  { args: ['check', join(scratch, 'missing.pml'), '--json'], code: 2 },
  { args: ['explore', '--json', '--scenario', 'no-such-scenario'], code: 2 },
  { args: ['stress', '--json', '--seconds', 'x'], code: 2 },
  { args: ['bench', '--json', '--count', '0'], code: 2 },
  { args: ['bench', 'pool', '--json', '--warm', '0'], code: 2 },
  { args: ['bench', 'runtime', '--json', '--cpu', '0'], code: 2 },
  { args: ['bench-check', model, '--json', '--runs', '0'], code: 2 },
];

test('--json prints one JSON document on stdout, for a result and for a usage error, in every command that takes it', { timeout: 90_000 }, async () => {
  const runs = await Promise.all(RUNS.map((r) => runCli(r.args, 60_000, scratch)));
  RUNS.forEach(({ args, code }, i) => {
    const r = runs[i]!;
    const cmd = `gosched ${args.join(' ')}`;
    assert.equal(r.code, code, `${cmd}: exit ${r.code}\n${r.stderr}`);
    assert.doesNotThrow(() => JSON.parse(r.stdout), `${cmd}: stdout is not one JSON document:\n${r.stdout.slice(0, 300)}`);
  });
  const list = JSON.parse(runs[0]!.stdout) as { id: string; protocol: string; stands: string }[];
  assert.ok(list.length > 10 && list.every((m) => typeof m.id === 'string' && /^(lock|atomic|both)$/.test(m.protocol) && m.stands.length > 0), 'mutants --list --json: the catalogue');
});

test('--json after -- is a positional, not a request for JSON: a usage error then prints no JSON on stdout', { timeout: 60_000 }, async () => {
  const r = await runCli(['check', model, '--', '--json'], 30_000, scratch);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^gosched: check needs exactly one model file, got 2/);
  assert.equal(r.stdout, '');
});

test('bench-check --json: a checker that cannot run (pan built too small for the model) is the one JSON document too, exit 1', { timeout: 90_000, skip: (which('spin') === null || which('gcc') === null) && 'needs spin and gcc on the PATH' }, async () => {
  const big = join(scratch, 'vector.pml');
  writeFileSync(big, 'byte a[2000];\ninit { a[0] = 1 }\n');
  const r = await runCli(['bench-check', big, '--runs', '1', '--json'], 60_000, scratch);
  assert.equal(r.code, 1, r.stderr);
  const doc = JSON.parse(r.stdout) as { error: { kind: string; message: string }; exitCode: number };
  assert.equal(doc.exitCode, 1);
  assert.equal(doc.error.kind, 'checker');
  assert.match(doc.error.message, /pan's state vector is larger than its build allows \(\d+ bytes\): run again with --vectorsz N/);
  assert.match(r.stderr, /^gosched: bench-check: pan's state vector is larger/m);
});
