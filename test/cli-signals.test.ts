// A signal ends a command at once, whatever it is doing. check and explore search on the
// main thread, synchronously: a SIGINT handler there (the one that ends a command's child
// processes) waits for the event loop, so Ctrl-C did nothing until the search was over
// (a 170 s check ran to its end). And a command that does take the signal's default
// action still removes the temporary folder it holds at that moment.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath } from './support/check-cli.js';

const T = { timeout: 120_000 };
/** How long a signalled command may take to end: far less than the searches below. */
const END_BOUND_MS = 5_000;

const scratch = mkdtempSync(join(tmpdir(), 'gosched-cli-signals-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** Starts `args`, waits until `ready(stderr)` (or `readyMs`), sends SIGINT, and says how the
 * process ended and how long after the signal. Kills it in the end whatever happened. */
async function interrupt(args: string[], ready: (stderr: string) => boolean, env = process.env): Promise<{ signal: string | null; code: number | null; afterMs: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<{ signal: string | null; code: number | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  try {
    for (const end = Date.now() + 60_000; !ready(stderr) && child.exitCode === null && Date.now() < end;) await new Promise((r) => setTimeout(r, 50));
    assert.ok(ready(stderr), `never ready: ${stderr}`);
    const sent = Date.now();
    child.kill('SIGINT');
    const bound = new Promise<null>((r) => setTimeout(() => r(null), END_BOUND_MS).unref());
    const how = await Promise.race([exited, bound]);
    assert.ok(how !== null, `gosched ${args.slice(1).join(' ')} still running ${END_BOUND_MS} ms after SIGINT`);
    return { ...how, afterMs: Date.now() - sent, stdout, stderr };
  } finally {
    child.kill('SIGKILL');
  }
}

test('check ends at SIGINT in the middle of its search, by that signal', T, async () => {
  // Tens of millions of states: minutes of search, a progress line every million.
  const model = join(scratch, 'big.pml');
  writeFileSync(model, 'int a, b, c;\nactive [3] proctype P() { do :: a < 200 -> a++ :: b < 200 -> b++ :: c < 200 -> c++ :: a > 0 -> a-- od }\n');
  const r = await interrupt([cliPath, 'check', model], (e) => /States=\s+1e\+06/.test(e));
  assert.equal(r.signal, 'SIGINT', r.stderr);
});

test('explore prints each search\'s line as it ends and a progress line every 10 s of a long one, and ends at SIGINT mid-search', T, async () => {
  // At bound 3 the first search takes about 10 s, the second over a minute: the signal
  // comes once the second has said how far it has come.
  const r = await interrupt([cliPath, 'explore', '--scenario', 'wired-handback,syscall-vs-stw', '--protocol', 'lock', '--preemptions', '3'],
    (e) => /^syscall-vs-stw \(lock\): \d+ executions, \d+ distinct states so far, \d+ s$/m.test(e));
  assert.equal(r.signal, 'SIGINT', r.stderr);
  assert.match(r.stdout, /^wired-handback \(lock\): \d+ executions, .*: ok\n$/, 'the first search\'s line, printed when it ended');
});

test('a command without a signal handler of its own still removes its temporary folder at a signal', T, async () => {
  const probe = join(scratch, 'probe.mjs');
  const scratchJs = new URL('../src/scratch.js', import.meta.url).href;
  writeFileSync(probe, `import { scratchDir, removeScratch } from ${JSON.stringify(scratchJs)};
const first = scratchDir('gosched-probe-');
removeScratch(first);
// Once no folder is left, no handler is left either: a signal takes its default action.
if (process.listenerCount('SIGINT') !== 0) { console.error('a handler is left'); process.exit(3); }
const dir = scratchDir('gosched-probe-');
console.error('dir ' + dir);
setInterval(() => {}, 1000);
`);
  const tmp = mkdtempSync(join(scratch, 'tmp-'));
  const r = await interrupt([probe], (e) => /^dir /m.test(e), { ...process.env, TMPDIR: tmp });
  assert.equal(r.signal, 'SIGINT', r.stderr);
  const dir = /^dir (.*)$/m.exec(r.stderr)![1]!;
  assert.equal(existsSync(dir), false, 'the folder is left behind');
});
