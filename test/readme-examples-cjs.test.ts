// README: "from CommonJS, `require('gosched')` works (Node 20.19 and later load an ES module
// that has no top-level await, and TypeScript's `NodeNext` compiles an `import` in a `.cts`
// file to it)". Tried as a user's CommonJS project has it: gosched under node_modules (a
// copy of the built package, as npm installs it, so Node treats it as a dependency and
// prints no experimental warning), a .cjs file that requires it, and a strict .cts file.
// A top-level await anywhere in gosched's module graph would break both (ERR_REQUIRE_ASYNC_MODULE).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './support/check-cli.js';

const BOUND_MS = 30_000;
const T = { timeout: 90_000 };

const scratch = mkdtempSync(join(tmpdir(), 'gosched-cjs-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const pkg = join(scratch, 'node_modules', 'gosched');
cpSync(join(repoRoot, 'dist', 'src'), join(pkg, 'dist', 'src'), { recursive: true });
cpSync(join(repoRoot, 'package.json'), join(pkg, 'package.json'));
writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'cjs-user', private: true, dependencies: { gosched: '*' } }));
writeFileSync(join(scratch, 'double.mjs'), 'export function double(x) { return 2 * x; }\n');

function node(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: scratch, timeout: BOUND_MS, killSignal: 'SIGKILL', encoding: 'utf8' },
      (err, stdout, stderr) => resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : null, stdout, stderr }));
  });
}

test('the README says require(\'gosched\') works from CommonJS; it does, without a warning, and the program exits', T, async () => {
  assert.match(readFileSync(join(repoRoot, 'README.md'), 'utf8'), /from CommonJS, `require\('gosched'\)` works/);
  writeFileSync(join(scratch, 'app.cjs'), `
const { Runtime, run } = require('gosched');
const { pathToFileURL } = require('node:url');
const url = pathToFileURL(__dirname + '/double.mjs').href;
(async () => {
  const rt = await Runtime.start({ gomaxprocs: 2 });
  console.log(await rt.go(url, 'double', [21]).result, await run(url, 'double', { args: [4] }));
})();
`);
  const r = await node(['app.cjs']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '42 8\n');
  assert.equal(r.stderr, '');
});

test('a strict TypeScript .cts file (module NodeNext) imports gosched, compiles and runs', T, async () => {
  writeFileSync(join(scratch, 'app.cts'), `
import { Runtime, type Goroutine } from 'gosched';
import { pathToFileURL } from 'node:url';
async function main(): Promise<void> {
  const rt = await Runtime.start();
  const h: Goroutine<number> = rt.go<number>(pathToFileURL(__dirname + '/double.mjs').href, 'double', [5]);
  console.log(await h.result);
}
void main();
`);
  writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false, types: ['node'], typeRoots: [join(repoRoot, 'node_modules', '@types')] },
    files: ['app.cts'],
  }));
  const tsc = await node([join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
  assert.equal(tsc.code, 0, `tsc: ${tsc.stdout}${tsc.stderr}`);
  assert.match(readFileSync(join(scratch, 'app.cjs'), 'utf8'), /require\("gosched"\)/, 'the import compiled to require()');
  const r = await node(['app.cjs']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '10\n');
});
