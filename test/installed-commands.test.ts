// The gosched command as a user of the npm package has it: a folder holding exactly the
// files `npm pack` ships (no models, no tests, no src/ but what `files` names). A command
// that needs a file of the repository must find it in the package or say, in one line with
// exit 2, which file and that a checkout of the repository has it; never a stack trace.
// (test/package.test.ts installs the real tarball; copying the packed file list is enough
// here and costs a second instead of an install.)
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './support/check-cli.js';
import { findGo } from '../src/bench/gobench.js';

const exec = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const T = { timeout: 90_000 };

const scratch = mkdtempSync(join(tmpdir(), 'gosched-installed-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** A copy of what the tarball holds, as node_modules/gosched of a user project. */
const installed = (async () => {
  const { stdout } = await exec(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, timeout: 60_000 });
  const files = (JSON.parse(stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
  const pkg = join(scratch, 'node_modules', 'gosched');
  for (const f of files) {
    mkdirSync(dirname(join(pkg, f)), { recursive: true });
    cpSync(join(repoRoot, f), join(pkg, f));
  }
  return { files, cli: join(pkg, 'dist', 'src', 'cli.js') };
})();

interface Ran { code: number | null; stdout: string; stderr: string }
async function gosched(args: string[]): Promise<Ran> {
  const { cli } = await installed;
  return new Promise((resolve) => execFile(process.execPath, [cli, ...args], { cwd: scratch, timeout: 60_000, killSignal: 'SIGKILL', encoding: 'utf8' },
    (err, stdout, stderr) => resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : null, stdout, stderr })));
}

test('bench-check\'s atomic and liveness rows, in the package, say which repository model they need (exit 2, one line)', T, async () => {
  const model = join(scratch, 'tiny.pml');
  writeFileSync(model, 'byte x;\nactive proctype P() { x = 1; assert(x == 1) }\n');
  const cases: [string[], RegExp][] = [
    [['--atomic'], /the atomic row reads models\/spin\/bench\/atomic_long\.pml from a checkout of the gosched repository/],
    [['--liveness'], /the suite row reads models\/liveness from a checkout/],
    [['--only', 'wired'], /the wired row reads models\/gosched-wired\.pml from a checkout/],
  ];
  for (const [args, message] of cases) {
    const r = await gosched(['bench-check', model, '--runs', '1', ...args]);
    assert.equal(r.code, 2, `bench-check ${args.join(' ')}: exit ${r.code}\n${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1, `one line, no stack: ${r.stderr}`);
  }
});

test('bench runtime --go finds the Go benchmarks it runs in the package', { ...T, skip: findGo() === undefined ? 'no go on the PATH' : false }, async () => {
  const { files } = await installed;
  assert.ok(files.includes('src/rtbench/gobench.go.txt'), 'the package ships the Go source of bench runtime --go');
  const r = await gosched(['bench', 'runtime', '--go', '--bench', 'Mutex', '--cpu', '1', '--protocol', 'atomic', '--benchtime', '1x']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^BenchmarkMutex\s+1\s+[\d.]+ ns\/op\tgo$/m);
});
