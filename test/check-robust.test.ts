// Input that once exhausted the stack or the heap is refused cleanly, with a position,
// before any search; every failure that is not a verdict has its exit status and, under
// --json, one JSON object on stdout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileModel } from '../src/check/model.js';
import { ModelError } from '../src/check/errors.js';
import { fail } from '../src/commands/usage.js';
import { describeRun, runCli } from './support/check-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'check-robust-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const CHILD_MS = 60_000;

function refusal(src: string): ModelError {
  try {
    compileModel('m.pml', src);
  } catch (e) {
    if (e instanceof ModelError) return e;
    throw e;
  }
  return assert.fail('accepted');
}

test('100,000 nested parentheses are refused at the nesting limit, with a position', () => {
  const n = 100_000;
  const e = refusal(`byte x;\nactive proctype P() { x = ${'('.repeat(n)}1${')'.repeat(n)} }\n`);
  assert.match(e.message, /nests more than \d+ levels/);
  assert.equal(e.pos?.line, 2);
});

test('2,000 nested ifs and 100,000 unary minuses are refused, not a stack overflow', () => {
  assert.match(refusal(`byte x;\nactive proctype P() { ${'if :: x < 5 -> '.repeat(2000)}x++${' fi'.repeat(2000)} }\n`).message, /nests more than/);
  assert.match(refusal(`int x;\nactive proctype P() { x = ${'- '.repeat(100_000)}1 }\n`).message, /nests more than/);
});

test('a 20,000-term sum is refused for its depth; a 500-term one is checked', () => {
  assert.match(refusal(`int x;\nactive proctype P() { x = ${Array(20_000).fill('1').join(' - ')} }\n`).message, /nested more than \d+ deep/);
  const m = compileModel('m.pml', `int x;\nactive proctype P() { x = ${Array(500).fill('1').join(' - ')} }\n`);
  assert.equal(m.machine.trans.length > 0, true);
});

test('a 10 MB model is refused with a reason, not a crash', { timeout: 120_000 }, () => {
  const body = '  x = (x + 1) % 7;\n';
  const src = `byte x;\nactive proctype P() {\n${body.repeat(Math.ceil(10_000_000 / body.length))}}\n`;
  assert.ok(src.length >= 10_000_000);
  assert.match(refusal(src).message, /too many states/);
});

test('a macro chain deeper than the expansion limit is refused', () => {
  const defs = Array.from({ length: 300 }, (_, i) => `#define M${i} (M${i + 1} + 1)`).join('\n');
  assert.match(refusal(`${defs}\n#define M300 0\nint x;\nactive proctype P() { x = M0 }\n`).message, /macros nest more than/);
});

test('byte big[100000000] is refused before the search with the size it needs', () => {
  const e = refusal('byte big[100000000];\nactive proctype P() { big[5] = 1 }\n');
  assert.match(e.message, /state vector needs 100000004 bytes/);
  assert.deepEqual([e.pos?.line, e.pos?.col], [1, 6]);
});

test('a vector over 64 KiB is checked; --memlim too small for it is refused with exit 2 and JSON', { timeout: CHILD_MS + 5000 }, async () => {
  const model = join(scratch, 'v64.pml');
  writeFileSync(model, 'byte big[70000];\nactive proctype P() { big[69999] = 1; big[5] = 2 }\n');
  const ok = await runCli(['check', model, '--json'], CHILD_MS);
  assert.equal(ok.code, 0, describeRun(ok));
  assert.equal(JSON.parse(ok.stdout).statesStored, 4);
  const small = await runCli(['check', model, '--json', '--memlim', '10'], CHILD_MS);
  assert.equal(small.code, 2, describeRun(small));
  const j = JSON.parse(small.stdout) as { error: { kind: string; message: string }; exitCode: number };
  assert.equal(j.exitCode, 2);
  assert.match(j.error.message, /needs 70004 bytes.*at least \d+ MB/);
});

test('usage and model errors print a JSON object under --json (exit 2)', { timeout: 2 * CHILD_MS }, async () => {
  const bad = join(scratch, 'bad.pml');
  writeFileSync(bad, 'active proctype P() {\n  x = 1\n}\n');
  const m = await runCli(['check', bad, '--json'], CHILD_MS);
  assert.equal(m.code, 2, describeRun(m));
  assert.deepEqual(JSON.parse(m.stdout), { error: { kind: 'model', message: "undeclared variable 'x'", file: bad, line: 2, col: 3 }, exitCode: 2 });
  const u = await runCli(['check', '--no-such-option', '--json'], CHILD_MS);
  assert.equal(u.code, 2, describeRun(u));
  assert.equal(JSON.parse(u.stdout).error.kind, 'usage');
});

test('an internal error exits 4 (not 1, "the model has an error") and is JSON under --json', () => {
  const out: string[] = [];
  const [o, e] = [process.stdout.write, process.stderr.write];
  process.stdout.write = ((s: string) => { out.push(s); return true; }) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  let code: number;
  try {
    code = fail(new TypeError('boom'), true);
  } finally {
    process.stdout.write = o; process.stderr.write = e;
  }
  assert.equal(code, 4);
  assert.deepEqual(JSON.parse(out.join('')), { error: { kind: 'internal', message: 'boom' }, exitCode: 4 });
});
