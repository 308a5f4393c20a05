// gosched as another project installs it: `npm pack` gives a tarball with only what runs
// (built JavaScript and declarations, no tests), and that tarball installs offline into an
// empty folder, where ESM and CommonJS import both entry points, run goroutines, and a
// strict TypeScript consumer compiles against the shipped declarations.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(repoRoot, 'test', 'fixtures', 'consumer');
const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const CHILD = { timeout: 60_000 };

const scratch = mkdtempSync(join(tmpdir(), 'gosched-pack-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** Packs the repository (already built by `npm test`; `prepare` would rebuild it) once. */
const packed = (async () => {
  const { stdout } = await run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], { cwd: repoRoot, ...CHILD });
  const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  return { tarball: join(scratch, info!.filename), files: info!.files.map((f) => f.path) };
})();

test('the package declares prepare (a git install builds dist/) and types for both entry points', () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  assert.match(pkg.scripts.prepare, /build/);
  assert.equal(pkg.exports['.'].types, './dist/src/index.d.ts');
  assert.equal(pkg.exports['./goroutine'].types, './dist/src/runtime/goroutine.d.ts');
});

test('npm pack ships the built library and its declarations, and no tests', { timeout: 120_000 }, async () => {
  const { files } = await packed;
  for (const f of ['package.json', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/runtime/goroutine.d.ts',
    'dist/src/runtime/m-worker.js', 'dist/src/cli.js']) {
    assert.ok(files.includes(f), `${f} is not in the tarball`);
  }
  // The one source file that ships is data a command reads: the Go benchmarks `bench runtime --go` runs.
  // The licence package.json names ships beside the code it covers.
  assert.ok(files.includes('LICENSE'), 'LICENSE is not in the tarball');
  const stray = files.filter((f) => !['package.json', 'README.md', 'LICENSE', 'src/rtbench/gobench.go.txt'].includes(f) && !/^dist\/src\/.*\.(js|d\.ts)$/.test(f));
  assert.deepEqual(stray, [], 'only built code, declarations, package.json, README, LICENSE and the Go benchmarks ship');
  assert.deepEqual(files.filter((f) => /test|\.map$|\/main(-check)?\./.test(f)), [], 'no tests, source maps or dev entry points');
  // Every built module ships with its declaration.
  const js = files.filter((f) => f.endsWith('.js'));
  assert.deepEqual(js.filter((f) => !files.includes(f.replace(/\.js$/, '.d.ts'))), []);
});

test('the tarball installs offline in an empty folder; ESM, CommonJS and strict TypeScript use it', { timeout: 240_000 }, async () => {
  const { tarball } = await packed;
  const app = join(scratch, 'app');
  cpSync(fixtures, app, { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  // A Node app has Node's type declarations; the consumer takes the repository's copy
  // (the install is offline) and checks every shipped declaration (skipLibCheck off).
  for (const file of ['tsconfig.json', 'tsconfig.node10.json']) {
    const tsconfig = JSON.parse(readFileSync(join(app, file), 'utf8'));
    tsconfig.compilerOptions.typeRoots = [join(repoRoot, 'node_modules', '@types')];
    writeFileSync(join(app, file), JSON.stringify(tsconfig));
  }
  await run(npm, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts=false', tarball], { cwd: app, ...CHILD });
  assert.ok(readdirSync(join(app, 'node_modules', 'gosched', 'dist', 'src')).includes('index.d.ts'));

  const esm = await run(process.execPath, ['esm.mjs'], { cwd: app, ...CHILD });
  assert.equal(esm.stdout.trim(), 'esm 6');
  const cjs = await run(process.execPath, ['cjs.cjs'], { cwd: app, ...CHILD });
  assert.equal(cjs.stdout.trim(), 'cjs 5');

  const compile = (config: string) => run(process.execPath, [tsc, '-p', config], { cwd: app, ...CHILD }).then(
    () => '',
    (e: { stdout?: string; stderr?: string }) => `${e.stdout ?? ''}${e.stderr ?? ''}`,
  );
  assert.equal(await compile('tsconfig.json'), '', 'the strict consumer compiles against the shipped declarations');
  // The older resolution (moduleResolution node) reads no exports map: typesVersions
  // gives it gosched/goroutine.
  assert.equal(await compile('tsconfig.node10.json'), '', 'a moduleResolution node consumer finds both entry points\' declarations');
});
