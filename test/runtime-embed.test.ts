// A Runtime inside someone else's Node program: it works from every way Node starts code
// (a CommonJS file, an ES module, -e, --input-type=module -e, the REPL), and the program
// exits when its goroutines are done, without close(): idle threads hold nothing. Each
// run is a child process with a time bound, which fails the test if the child hangs.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const index = new URL('../src/index.js', import.meta.url).href;
const bodies = new URL('./support/bodies.js', import.meta.url).href;
const BOUND_MS = 30_000;
const T = { timeout: BOUND_MS + 10_000 };

const scratch = mkdtempSync(join(tmpdir(), 'gosched-embed-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** A program body (inside an async function): goroutines that block in a system call
 * and count, awaited without close(); minThreads leaves spare threads idle at the end. */
const program = `
  const { Runtime } = await import(${JSON.stringify(index)});
  const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 2, minThreads: 3 });
  for (let i = 0; i < 4; i++) rt.go(${JSON.stringify(bodies)}, 'sleeper', [20]);
  rt.go(${JSON.stringify(bodies)}, 'bump', [0]);
  await rt.wait();
  console.log('done ' + rt.userWords[0] + ' threads ' + rt.threads);
`;
const asyncIife = `(async () => {${program}})().catch((e) => { console.error(e); process.exit(1); });`;

/** Runs node with args; `stdin` is written at once, and stdin is ended at once or, given
 * `endWhen`, once stdout matches it (the REPL exits at the end of its input). */
async function runChild(args: string[], stdin?: string, endWhen?: RegExp): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      if (endWhen?.test(stdout)) child.stdin.end();
    });
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`node ${args.join(' ').slice(0, 60)} did not exit within ${BOUND_MS} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, BOUND_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (stdin !== undefined) child.stdin.write(stdin);
    if (endWhen === undefined) child.stdin.end();
  });
}

function assertDone(r: { code: number | null; stdout: string; stderr: string }, how: string): void {
  assert.equal(r.code, 0, `${how}: exit ${r.code}\n${r.stderr}`);
  assert.match(r.stdout, /done 1 threads [2-9]/, `${how}: ${r.stdout}\n${r.stderr}`);
}

test('an ES module file: the program exits after its goroutines, without close()', T, async () => {
  const file = join(scratch, 'app.mjs');
  writeFileSync(file, program);
  assertDone(await runChild([file]), 'ESM');
});

test('a CommonJS file (import() of the ESM package) exits without close()', T, async () => {
  const file = join(scratch, 'app.cjs');
  writeFileSync(file, asyncIife);
  assertDone(await runChild([file]), 'CommonJS');
});

test('node -e and node --input-type=module -e', T, async () => {
  assertDone(await runChild(['-e', asyncIife]), '-e');
  assertDone(await runChild(['--input-type=module', '-e', program]), '--input-type=module -e');
  // With a per-process flag as well, which a thread refuses when execArgv is given explicitly.
  assertDone(await runChild(['--expose-gc', '--input-type=module', '-e', program]), '--expose-gc --input-type=module -e');
});

test('the REPL', T, async () => {
  // The REPL exits at the end of its input, so the input ends once the output is there.
  const r = await runChild(['-i'], `${asyncIife.replace(/\n/g, ' ')}\n`, /done \d+ threads \d+/);
  assertDone(r, 'REPL');
});

test('the Runtime holds the process while goroutines run, even when nothing else does', T, async () => {
  // Nothing awaited at top level: only the Runtime's hold keeps the process until the
  // sleeping goroutines end and the wait() callback prints.
  const code = `
    const { Runtime } = await import(${JSON.stringify(index)});
    const rt = await Runtime.start({ protocol: 'lock', gomaxprocs: 1 });
    for (let i = 0; i < 3; i++) rt.go(${JSON.stringify(bodies)}, 'sleeper', [300]);
    rt.go(${JSON.stringify(bodies)}, 'bump', [0]);
    rt.wait().then(() => console.log('done ' + rt.userWords[0] + ' threads ' + rt.threads));
  `;
  assertDone(await runChild(['--input-type=module', '-e', code]), 'fire and forget');
});

test('a handle\'s result alone holds the process until it arrives', T, async () => {
  const code = `
    const { Runtime } = await import(${JSON.stringify(index)});
    const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: 2 });
    rt.go(${JSON.stringify(bodies)}, 'sleeper', [200]);
    const h = rt.go(${JSON.stringify(bodies)}, 'bump', [0]);
    h.result.then(() => console.log('done ' + rt.userWords[0] + ' threads ' + rt.threads));
  `;
  assertDone(await runChild(['--input-type=module', '-e', code]), 'handle');
});

test('workerExecArgv drops the owner\'s entry-point options and keeps the rest', async () => {
  const { workerExecArgv } = await import('../src/runtime/worker-start.js');
  assert.deepEqual(workerExecArgv(['--input-type=module', '-e', 'x', '--max-old-space-size=64', '--input-type', 'commonjs', '-p', 'y', '-i', '--enable-source-maps']),
    ['--max-old-space-size=64', '--enable-source-maps']);
});


// A one-file program (goroutine functions beside the code that starts the Runtime) is the
// first thing a new user writes. Its module is imported on every thread that runs its
// functions (an M, and the export check's thread), so its top-level Runtime.start or
// run() ran there again, whose threads imported it again: threads without end, and the
// program hung. Now the call is refused on such a thread, and the error reaches the user.
test('a one-file program (its top level starts the Runtime that runs its own functions): a clear error at once, not threads without end', T, async () => {
  const viaRuntime = join(scratch, 'one-file-runtime.mjs');
  writeFileSync(viaRuntime, `
    import { Runtime } from ${JSON.stringify(index)};
    export function double(x) { return x * 2; }
    const rt = await Runtime.start({ gomaxprocs: 2 });
    console.log('result ' + await rt.go(double, [21]).result);
  `);
  const viaRun = join(scratch, 'one-file-run.mjs');
  writeFileSync(viaRun, `
    import { run } from ${JSON.stringify(index)};
    export function main() { return 42; }
    console.log('result ' + await run(main, { gomaxprocs: 2 }));
  `);
  for (const [file, call] of [[viaRuntime, 'Runtime.start'], [viaRun, 'run']] as const) {
    const r = await runChild([file]);
    assert.notEqual(r.code, 0, `${file}: exit ${r.code}\n${r.stdout}\n${r.stderr}`);
    assert.doesNotMatch(r.stdout, /result/);
    const url = new URL(`file://${file}`).href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    assert.match(r.stderr, new RegExp(`${call}: called while ${url} is being imported as goroutine code .*Put the goroutines' functions in a module of their own`), r.stderr);
  }
});
