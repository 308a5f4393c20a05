// `gosched run FILE` where FILE is not a program it can run: bad input, so exit 2 with a
// message naming the file and what is wrong, never "internal error" and a stack.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './support/check-cli.js';

test('gosched run: a file without main, with a syntax error, or whose import fails exits 2, saying so', { timeout: 120_000 }, async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gosched-run-input-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const files: Record<string, string> = {
    'nomain.mjs': 'export function helper() {}\n',
    'syntax.mjs': 'export function main() {\n',
    'badimport.mjs': 'import { nope } from "node:fs";\nexport function main() {}\n',
    'throws.mjs': 'throw new Error("init failed");\nexport function main() {}\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  // --json after FILE is the program's argument, not a request for a JSON error.
  const [nomain, syntax, badimport, throws] = await Promise.all(Object.keys(files).map((f) => runCli(['run', path.join(dir, f), '--json'], 60_000)));
  for (const r of [nomain, syntax, badimport, throws]) {
    assert.equal(r!.code, 2, r!.stderr);
    assert.doesNotMatch(r!.stderr, /internal error|^\s+at /m, r!.stderr);
    assert.equal(r!.stdout, '', 'nothing on stdout');
  }
  assert.match(nomain!.stderr, /^gosched: run: .*nomain\.mjs has no exported function main \(its exported functions: helper\)$/m);
  assert.match(syntax!.stderr, /^gosched: run: cannot load .*syntax\.mjs.*: SyntaxError: /m);
  assert.match(badimport!.stderr, /^gosched: run: cannot load .*badimport\.mjs \(file:.*badimport\.mjs:1\): SyntaxError: .*'nope'/m);
  assert.match(throws!.stderr, /^gosched: run: cannot load .*throws\.mjs: Error: init failed$/m);
});
