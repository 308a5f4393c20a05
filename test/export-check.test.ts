// export-check.ts: Runtime.go's check, at the call, that a module exports a function by
// that name (a loader thread imports the module once per URL).
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExportCheck } from '../src/runtime/export-check.js';
import { run } from '../src/runtime/program.js';
import { Runtime } from '../src/runtime/runtime.js';

const mod = (src: string) => `data:text/javascript,${encodeURIComponent(src)}`;

test('a function export passes; a missing or non-function one throws, naming what there is', { timeout: 30_000 }, () => {
  const c = new ExportCheck();
  try {
    const u = mod('export function f() {} export const n = 1; export let s = "x"; export default function () {}');
    c.check(u, 'f', 'go(f)');
    c.check(u, 'default', 'go(default)');
    assert.throws(() => c.check(u, 'n', 'go(n)'), /^TypeError: go\(n\): data:.* has no exported function 'n' \(its export 'n' is a number\); its exported functions: default, f$/);
    assert.throws(() => c.check(u, 'nope', 'go(nope)'), /has no exported function 'nope'; its exported functions: default, f$/);
    assert.throws(() => c.check(mod('throw new Error("bad top level")'), 'f', 'go(f)'), /^Error: go\(f\): cannot load data:.*: bad top level$/);
  } finally {
    c.close();
  }
});

test('a module that does not load in time is not checked, then or later, and go() does not wait again', { timeout: 30_000 }, () => {
  const c = new ExportCheck(300);
  try {
    const slow = mod('await new Promise((r) => setTimeout(r, 20000)); export function f() {}');
    let t0 = performance.now();
    c.check(slow, 'nope', 'go(nope)');
    const first = performance.now() - t0;
    assert.ok(first >= 250, `waited for the loader: ${first} ms`);
    t0 = performance.now();
    c.check(slow, 'other', 'go(other)');
    assert.ok(performance.now() - t0 < 100, 'the second call does not wait again');
    // The loader that timed out was replaced: a quick module is still checked.
    assert.throws(() => c.check(mod('export const x = 1;'), 'x', 'go(x)'), /is a number/);
  } finally {
    c.close();
  }
});

test('a module that does not parse is refused with the place of its syntax error, which import() does not give', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gosched-syntax-'));
  const c = new ExportCheck();
  try {
    writeFileSync(join(dir, 'bad.mjs'), 'export function f() { return 1; }\nexport function g( { return 2; }\n');
    // The syntax error is in a module it imports: node --check of this one says nothing,
    // so the message is import()'s alone.
    writeFileSync(join(dir, 'imports-bad.mjs'), "import './bad.mjs';\nexport function h() {}\n");
    const bad = pathToFileURL(join(dir, 'bad.mjs')).href;
    const place = /^Error: go\(f\): cannot load file:.*\/bad\.mjs: Unexpected number\n.*\/bad\.mjs:2\nexport function g\( \{ return 2; \}\n +\^$/;
    assert.throws(() => c.check(bad, 'f', 'go(f)'), place);
    assert.throws(() => c.check(pathToFileURL(join(dir, 'imports-bad.mjs')).href, 'h', 'go(h)'), /^Error: go\(h\): cannot load file:.*\/imports-bad\.mjs: Unexpected number$/);
    await assert.rejects(run(bad, 'f'), /^Error: run: cannot load file:.*\/bad\.mjs: Unexpected number\n.*\/bad\.mjs:2\nexport function g\( \{ return 2; \}\n +\^$/);
    // Inside a goroutine, go(url, name) is not checked at the call: the new goroutine's panic says it.
    const rt = await Runtime.start();
    try {
      assert.equal(await rt.go(new URL('./support/chan-bodies.js', import.meta.url), 'goNamed', [bad, 'f']).result, 'started');
      await assert.rejects(rt.wait(), (e: Error) => /panicked: cannot load file:.*\/bad\.mjs: Unexpected number\n.*\/bad\.mjs:2\nexport function g\( \{ return 2; \}\n +\^$/.test(e.message));
    } finally {
      await rt.close();
    }
  } finally {
    c.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
