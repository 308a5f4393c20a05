// Go's package-level `var results = make(chan int)` written as a module's top-level
// `const results = chan()`: top-level code runs apart on every thread that imports the
// module, so it cannot make one channel for all goroutines. `gosched run` fails it as Go's
// panic during init (exit 2), and the message says what to do instead.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './support/check-cli.js';

test('gosched run: a channel or WaitGroup made at a module\'s top level fails, saying to make it in main', { timeout: 120_000 }, async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gosched-toplevel-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // The temporary folder has no node_modules: the programs import the build by its URL.
  const gosched = JSON.stringify(new URL('../src/index.js', import.meta.url).href);
  const files: Record<string, string> = {
    'chan.mjs': `import { go, chan } from ${gosched};\nconst results = chan(3);\nexport function worker(i) { results.send(i); }\nexport function main() { go(worker, 1); console.log(results.recv()); }\n`,
    'wg.mjs': `import { WaitGroup } from ${gosched};\nconst wg = new WaitGroup();\nexport function main() { wg.wait(); }\n`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const [chan, wg] = await Promise.all(Object.keys(files).map((f) => runCli(['run', path.join(dir, f)], 60_000)));
  for (const [r, what] of [[chan!, 'chan'], [wg!, 'new WaitGroup']] as const) {
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(`^panic: ${what} called outside a goroutine \\(.*top-level code runs apart on every thread.*make channels and sync objects in main and pass them to go\\(\\)\\)$`, 'm'));
  }
});
