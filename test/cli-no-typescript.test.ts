// The built CLI where typescript is not installed (a user's install: it is a
// devDependency): the two commands that instrument the scheduler with it say so and exit
// 4, and `gosched mutants` does not count a mutant caught because the explorer could not
// start at all.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const builtSrc = fileURLToPath(new URL('../src/', import.meta.url));

test('without typescript, explore and mutants exit 4 saying why, and no mutant counts as caught', { timeout: 120_000 }, async (t) => {
  // dist/src alone, with no node_modules above it: nothing resolves 'typescript'.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gosched-nots-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(builtSrc, path.join(dir, 'dist', 'src'), { recursive: true, filter: (p) => !p.endsWith('.map') });
  writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n');
  try {
    createRequire(path.join(dir, 'dist', 'src', 'cli.js')).resolve('typescript');
    t.skip(`typescript resolves from ${dir} (a node_modules above it), so this cannot test its absence`);
    return;
  } catch { /* not found: what this test needs */ }
  const cli = (args: string[]) => new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    execFile(process.execPath, [path.join(dir, 'dist', 'src', 'cli.js'), ...args], { cwd: dir, timeout: 60_000, killSignal: 'SIGKILL', encoding: 'utf8' },
      (err, stdout, stderr) => done({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : null, stdout, stderr }));
  });
  const [explore, mutants, json] = await Promise.all([
    cli(['explore', '--scenario', 'wired-handback', '--protocol', 'atomic']),
    cli(['mutants', '--only', 'mnextg-no-wakeup', '--no-stress']),
    cli(['explore', '--scenario', 'wired-handback', '--protocol', 'atomic', '--json']),
  ]);
  // --json: the one JSON document on stdout is the error, as for every other refusal.
  assert.equal(json.code, 4, json.stderr);
  assert.deepEqual(JSON.parse(json.stdout), { error: { kind: 'dependency', message: explore.stderr.replace(/^gosched: /, '').trimEnd() }, exitCode: 4 });
  assert.equal(explore.stderr.trimEnd().split('\n').length, 1, `one line, no stack: ${explore.stderr}`);
  assert.equal(explore.code, 4, explore.stderr);
  assert.match(explore.stderr, /needs the typescript package/);
  assert.equal(mutants.code, 4, `${mutants.stdout}${mutants.stderr}`);
  assert.match(mutants.stderr, /needs the typescript package.*--no-explore runs the stress alone/);
  assert.doesNotMatch(mutants.stdout, /CAUGHT/);
});

test('from an npm install, explore runs when the project that installed gosched has typescript', { timeout: 120_000 }, async (t) => {
  // The layout npm makes: the project's node_modules holds gosched and, beside it, typescript.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gosched-userts-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const pkg = path.join(dir, 'node_modules', 'gosched');
  cpSync(builtSrc, path.join(pkg, 'dist', 'src'), { recursive: true, filter: (p) => !p.endsWith('.map') });
  writeFileSync(path.join(pkg, 'package.json'), '{"name":"gosched","type":"module"}\n');
  const ts = path.dirname(createRequire(import.meta.url).resolve('typescript/package.json'));
  symlinkSync(ts, path.join(dir, 'node_modules', 'typescript'), 'dir');
  const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    execFile(process.execPath, [path.join(pkg, 'dist', 'src', 'cli.js'), 'explore', '--scenario', 'ready-before-park', '--protocol', 'atomic', '--preemptions', '0'],
      { cwd: dir, timeout: 60_000, killSignal: 'SIGKILL', encoding: 'utf8' },
      (err, stdout, stderr) => done({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : null, stdout, stderr }));
  });
  assert.equal(r.code, 0, `${r.stdout}${r.stderr}`);
  assert.match(r.stdout, /^ready-before-park \(atomic\): \d+ executions.*: ok$/m);
});
