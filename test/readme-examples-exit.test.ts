// README, "Using gosched in your own Node program": "`close()` is optional ... A program
// whose goroutines are done exits" and "`close()` ends the threads at once". Taken at its
// word: the process ends promptly after its last goroutine, not only eventually (the
// export check's loader thread once held it LOADER_IDLE_MS longer, with or without
// close(), because the owner read the loader's stdout). And what a goroutine module
// prints at its top level appears once, from the goroutine's thread: the loader that
// imports the module to check its exports prints nothing.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LOADER_IDLE_MS } from '../src/runtime/export-check.js';

const index = new URL('../src/index.js', import.meta.url).href;
const BOUND_MS = 30_000;
const T = { timeout: BOUND_MS + 10_000 };

const scratch = mkdtempSync(join(tmpdir(), 'gosched-exit-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const mod = join(scratch, 'double.mjs');
writeFileSync(mod, `console.log('double.mjs loaded');\nexport function double(x) { return 2 * x; }\n`);

/** A program that runs one goroutine by URL (so the export check asks its loader), prints
 * how long after the result its process ended, and maybe closes the Runtime first. */
function program(close: boolean): string {
  return `
    import { Runtime } from ${JSON.stringify(index)};
    const rt = await Runtime.start({ gomaxprocs: 1 });
    const v = await rt.go(${JSON.stringify(pathToFileURL(mod).href)}, 'double', [21]).result;
    ${close ? 'await rt.close();' : ''}
    const done = performance.now();
    process.on('exit', () => console.log('result ' + v + ' exit after ' + Math.round(performance.now() - done) + ' ms'));
  `;
}

function runChild(code: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--input-type=module', '-e', code], { timeout: BOUND_MS, killSignal: 'SIGKILL', encoding: 'utf8' },
      (err, stdout, stderr) => resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : null, stdout, stderr }));
  });
}

for (const close of [false, true]) {
  test(`the process ends promptly after its goroutines, ${close ? 'after close()' : 'without close()'}`, T, async () => {
    const r = await runChild(program(close));
    assert.equal(r.code, 0, `exit ${r.code}\n${r.stderr}`);
    const m = /^result 42 exit after (\d+) ms$/m.exec(r.stdout);
    assert.ok(m !== null, `stdout: ${r.stdout}\nstderr: ${r.stderr}`);
    // Nothing is left to do once the result is in: the exit follows at once. Half the
    // loader's idle time leaves a loaded machine plenty and still fails the old linger.
    assert.ok(Number(m[1]) < LOADER_IDLE_MS / 2, `the process lingered ${m[1]} ms after its last goroutine`);
    assert.equal(r.stdout.match(/double\.mjs loaded/g)?.length, 1, `the module's top-level output appears once (its goroutine's thread), not from the export loader too:\n${r.stdout}`);
  });
}
