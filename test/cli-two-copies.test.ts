// A new user's trap: `gosched run` from one install (a checkout, `npm link`, a global
// install) on a program whose 'gosched' resolves to another copy. The program's goroutine
// API then belongs to a copy whose thread state was never set, and said only "chan called
// outside a goroutine", which sends the user to their own code. The message now names both
// copies and what to do; the same program run by the copy it imports works.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, repoRoot } from './support/check-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'gosched-copies-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

test('a program that imports another copy of gosched than the one running it is told so', { timeout: 90_000 }, async () => {
  // The program's project has its own gosched (a copy of the built package).
  const other = join(scratch, 'node_modules', 'gosched');
  cpSync(join(repoRoot, 'dist', 'src'), join(other, 'dist', 'src'), { recursive: true, filter: (p) => !p.endsWith('.map') });
  writeFileSync(join(other, 'package.json'), JSON.stringify({ name: 'gosched', type: 'module', exports: { '.': './dist/src/index.js' } }));
  const prog = join(scratch, 'prog.mjs');
  writeFileSync(prog, `import { go, chan } from 'gosched';\nexport function child(c) { c.send(7); }\nexport function main() { const c = chan(); go(child, c); console.log('got ' + c.recv()); }\n`);

  // This repository's CLI runs it: two copies.
  const mixed = await runCli(['run', prog], 30_000, scratch);
  assert.equal(mixed.code, 2, mixed.stderr);
  assert.ok(mixed.stderr.startsWith(`panic: chan: this goroutine's module imports gosched from ${other}/, but the goroutine runs on the gosched at ${repoRoot}/; two copies cannot share goroutines`), mixed.stderr);

  // The copy it imports runs it: it works.
  const own = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [join(other, 'dist', 'src', 'cli.js'), 'run', prog], { cwd: scratch, timeout: 30_000, killSignal: 'SIGKILL', encoding: 'utf8' },
      (err, stdout, stderr) => resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : null, stdout, stderr }));
  });
  assert.deepEqual([own.code, own.stdout], [0, 'got 7\n'], own.stderr);
});
