// An async goroutine whose promise never settles, with nothing else on its thread's event
// loop (where Node ends a thread). Inside syscall() it is Go's goroutine stuck in a system
// call: main goes on and its return ends the program (examples/go-diff/
// syscall_promise_stuck is that case against Go). Outside syscall() the thread ends under
// the goroutine: a fatal error that says why and what to write instead.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './support/check-cli.js';

test('gosched run: a promise that never settles holds its thread inside syscall(), and outside it is a fatal error saying why', { timeout: 120_000 }, async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gosched-async-stuck-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const gosched = JSON.stringify(new URL('../src/index.js', import.meta.url).href);
  // main sleeps long enough for an empty event loop to end the goroutine's thread.
  const program = (wait: string) => `import { go, chan, sleep, syscall } from ${gosched};\n` +
    `export async function waits(started) { started.send(true); await ${wait}; console.log('never'); }\n` +
    `export function main() { const started = chan(); go(waits, started); started.recv(); sleep(100); console.log('main returns'); }\n`;
  writeFileSync(path.join(dir, 'in-syscall.mjs'), program('syscall(() => new Promise(() => {}))'));
  writeFileSync(path.join(dir, 'bare.mjs'), program('new Promise(() => {})'));
  const [inSyscall, bare] = await Promise.all(['in-syscall.mjs', 'bare.mjs'].map((f) => runCli(['run', path.join(dir, f)], 60_000)));
  assert.equal(inSyscall!.code, 0, inSyscall!.stderr);
  assert.equal(inSyscall!.stdout, 'main returns\n');
  assert.equal(bare!.code, 2, bare!.stderr);
  assert.equal(bare!.stdout, '');
  assert.match(bare!.stderr, /^fatal error: thread of m\d+ exited with code 0: nothing was left on its event loop, so its goroutine awaits a promise that can never settle; .*`await syscall\(\(\) => promise\)`, which holds the thread \(and no cpu slot\) until it settles \(goroutine \d+ \[waits \(file:.*bare\.mjs\)\] was running on the thread\)$/m);
  assert.match(bare!.stderr, /^goroutine \d+ \[running\]:\nwaits\(\.\.\.\)/m);
});
