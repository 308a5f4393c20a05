// go(fn), Runtime.go(fn) and run(fn) name a function by its module and the name that
// module exports it under, whatever the function's own name: the shapes a stranger's
// worker module has (a named default export, `export { f as g }`, CommonJS's
// `module.exports = f`). And a function that no thread can import (defined in `node -e`
// code, stdin or the REPL) is refused saying so. The modules are written in a scratch
// folder outside the repository, as a user's project has them; each child process and
// each test has a bound that fails it rather than hanging.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Runtime, run } from '../src/index.js';
import { repoRoot } from './support/check-cli.js';

const T = { timeout: 90_000 };
const BOUND_MS = 30_000;

const scratch = mkdtempSync(join(tmpdir(), 'gosched-names-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const files: Record<string, string> = {
  'named-default.mjs': 'export default function worker(x) { return `worker ${x}`; }\n',
  'alias.mjs': 'function inner(x) { return `inner ${x}`; }\nexport { inner as outer };\n',
  'async-default.mjs': 'export default async function main(x) { await null; return `main ${x}`; }\n',
  'whole.cjs': 'module.exports = function whole(x) { return `whole ${x}`; };\n',
  'field.cjs': 'exports.field = function named(x) { return `named ${x}`; };\n',
  // Top-level await: require() cannot read its exports, so fn's own name is used, as before.
  'alias-tla.mjs': 'function innerTla() { return 1; }\nexport { innerTla as outerTla };\nawait null;\n',
  'generators.mjs': 'export function* gen() { yield 1; }\nexport async function* agen() { yield 1; }\n',
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(scratch, name), text);
const load = async (name: string) => (await import(pathToFileURL(join(scratch, name)).href)) as Record<string, (...a: unknown[]) => unknown>;

test('Runtime.go(fn) and run(fn) of a function exported under another name than its own run it', T, async () => {
  const [nd, alias, ad, whole, field] = await Promise.all(
    ['named-default.mjs', 'alias.mjs', 'async-default.mjs', 'whole.cjs', 'field.cjs'].map(load));
  const rt = await Runtime.start({ gomaxprocs: 2 });
  try {
    assert.equal(await rt.go(nd!.default!, [1]).result, 'worker 1', 'export default function worker');
    assert.equal(await rt.go(alias!.outer!, [2]).result, 'inner 2', 'export { inner as outer }');
    assert.equal(await rt.go(whole!.default!, [3]).result, 'whole 3', 'module.exports = function whole');
    assert.equal(await rt.go(field!.field!, [4]).result, 'named 4', 'exports.field = function named');
  } finally {
    await rt.close();
  }
  assert.equal(await run(ad!.default!, { args: [5] }), 'main 5', 'run() of export default async function main');
});

test('a module whose exports cannot be read at the call (top-level await) is named by the function\'s own name, and refused so', T, async () => {
  const tla = await load('alias-tla.mjs');
  const rt = await Runtime.start();
  try {
    assert.throws(() => rt.go(tla.outerTla!, []), /Runtime\.go\(innerTla\): file:.*alias-tla\.mjs has no exported function 'innerTla'; its exported functions: outerTla/);
  } finally {
    await rt.close();
  }
});

test('a generator function is refused at go(fn), and by the goroutine that was to run it by name: none of its body would run', T, async () => {
  const g = await load('generators.mjs');
  const url = pathToFileURL(join(scratch, 'generators.mjs'));
  const rt = await Runtime.start();
  try {
    for (const name of ['gen', 'agen']) {
      assert.throws(() => rt.go(g[name]!, []), new RegExp(`^TypeError: Runtime\\.go\\(${name}\\): this is a generator function: calling it runs none of its body`));
      // Before, the goroutine returned the generator and its result was refused as "an instance of class (anonymous class)".
      await assert.rejects(rt.go(url, name, []).result, new RegExp(`panicked: ${name} of file:.*generators\\.mjs: this is a generator function: calling it runs none of its body`));
    }
  } finally {
    await rt.close();
  }
});

// gosched under node_modules of the scratch folder, as an install has it.
const pkg = join(scratch, 'node_modules', 'gosched');
cpSync(join(repoRoot, 'dist', 'src'), join(pkg, 'dist', 'src'), { recursive: true });
cpSync(join(repoRoot, 'package.json'), join(pkg, 'package.json'));

function node(args: string[], input?: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, args, { cwd: scratch, timeout: BOUND_MS, killSignal: 'SIGKILL', encoding: 'utf8' },
      (err, stdout, stderr) => (err !== null && err.killed ? reject(new Error(`node ${args.join(' ')} ran past ${BOUND_MS} ms`)) : resolve({ stdout, stderr })));
    if (input !== undefined) child.stdin!.end(input);
  });
}

const ESM_PROGRAM = `
import { Runtime } from 'gosched';
export function f() { return 1; }
const rt = await Runtime.start();
for (const call of [() => rt.go(f, []), () => rt.go(import.meta.url, 'f', [])]) {
  try { await call().result; console.log('ran'); } catch (e) { console.log(e.message); }
}
await rt.close();
`;
const CJS_PROGRAM = `
const { run } = require('gosched');
function main() { return 1; }
run(main).then(() => console.log('ran'), (e) => console.log(e.message));
`;

test('go() of a function from node -e code or stdin is refused saying that no thread can import it', T, async () => {
  const esmMessages = [
    /^Runtime\.go\(f\): this function is defined in the code node ran from its command line \(-e, --eval, -p\) or stdin \(file:\/\/\/.*\[eval1\]\), which no other thread can import; put goroutine functions in a module file/,
    /^Runtime\.go: cannot load file:\/\/\/.*\[eval1\]: no such file \(it names the code node ran from its command line \(-e, --eval, -p\) or stdin, which no other thread can import/,
  ];
  for (const [how, r] of [
    ['-e', await node(['--input-type=module', '-e', ESM_PROGRAM])],
    ['stdin', await node(['--input-type=module'], ESM_PROGRAM)],
  ] as const) {
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 2, `${how}: ${r.stdout}${r.stderr}`);
    lines.forEach((line, i) => assert.match(line, esmMessages[i]!, how));
  }
  for (const [how, r, url] of [
    ['-e', await node(['-e', CJS_PROGRAM]), '[eval]'],
    ['stdin', await node([], CJS_PROGRAM), '[stdin]'],
  ] as const) {
    assert.equal(r.stdout.trim(), `run(main): this function is defined in the code node ran from its command line (-e, --eval, -p) or stdin (${url}), which no other thread can import; ` +
      'put goroutine functions in a module file, export them there, and import that module here', `${how}: ${r.stderr}`);
  }
});
