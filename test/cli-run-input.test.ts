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
    // A throw from the module's top-level code is Go's panic during init: its trace is the program's.
    if (r !== throws) assert.doesNotMatch(r!.stderr, /internal error|^\s+at /m, r!.stderr);
    assert.equal(r!.stdout, '', 'nothing on stdout');
  }
  assert.match(nomain!.stderr, /^gosched: run: .*nomain\.mjs has no exported function main \(export function main\(args\) \{ \.\.\. \}\); its exported functions: helper$/m);
  assert.match(syntax!.stderr, /^gosched: run: cannot load .*syntax\.mjs: Unexpected end of input/m);
  assert.match(badimport!.stderr, /^gosched: run: cannot load .*badimport\.mjs: .*'nope'/m);
  assert.match(throws!.stderr, /^panic: init failed\n\ngoroutine 1 \[running\]:\n/m);
  assert.doesNotMatch(throws!.stderr, /internal error/);
});
