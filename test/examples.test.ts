// The examples and `gosched run` as a user meets them: a child process per run, under
// both protocols, each with a time bound (a hung program fails the test).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROTOCOLS } from '../src/sched/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(root, 'dist/src/cli.js');
const support = fileURLToPath(new URL('./support/', import.meta.url));
const T = { timeout: 60_000 };

function gosched(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, ...env }, timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr });
    });
  });
}

for (const protocol of PROTOCOLS) {
  const env = (procs = 1) => ({ GOSCHED_PROTOCOL: protocol, GOMAXPROCS: String(procs) });

  test(`${protocol}: examples/sieve.mjs prints the first primes`, T, async () => {
    const r = await gosched(['run', 'examples/sieve.mjs', '15'], env(2));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '2\n3\n5\n7\n11\n13\n17\n19\n23\n29\n31\n37\n41\n43\n47\n');
  });

  test(`${protocol}: examples/pool.mjs runs every job once on at most WORKERS workers`, T, async () => {
    const r = await gosched(['run', 'examples/pool.mjs', '9', '3'], env(2));
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.deepEqual(lines.map((l) => Number(/^job (\d+)/.exec(l)![1])), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.match(lines[0]!, /job 1: 168 primes below 1000/);
    assert.ok(lines.every((l) => /worker [123]\)$/.test(l)), r.stdout);
  });

  test(`${protocol}: examples/hasher.mjs hashes every file as node:crypto does`, T, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gosched-hasher-'));
    try {
      const want: string[] = [];
      for (let i = 0; i < 12; i++) {
        const f = path.join(dir, `f${String(i).padStart(2, '0')}`);
        const data = Buffer.alloc(1000 + i * 7919, i);
        fs.writeFileSync(f, data);
        want.push(`${createHash('sha256').update(data).digest('hex')}  ${f}`);
      }
      const r = await gosched(['run', 'examples/hasher.mjs', dir], env(2));
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, want.join('\n') + '\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test(`${protocol}: examples/timeout.mjs: the timer wins, or the work does`, T, async () => {
    const late = await gosched(['run', 'examples/timeout.mjs', '2000', '50'], env(1));
    assert.equal(late.code, 0, late.stderr);
    assert.equal(late.stdout, 'timed out after 50 ms\n');
    const early = await gosched(['run', 'examples/timeout.mjs', '10', '3000'], env(1));
    assert.equal(early.stdout, 'work done after 10 ms\n');
  });

  test(`${protocol}: gosched run: deadlock and panic exit 2 with Go's reports; main returning ends the program`, T, async () => {
    const dead = await gosched(['run', path.join(support, 'prog-deadlock.js')], env(1));
    assert.equal(dead.code, 2);
    assert.match(dead.stderr, /^fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 \[chan receive\]:\nmain\(\.\.\.\)\n\tfile:.*prog-deadlock\.js\n\ngoroutine 2 \[chan receive\]:\nconsumer\(\.\.\.\)/);
    const panic = await gosched(['run', path.join(support, 'prog-panic.js')], env(2));
    assert.equal(panic.code, 2);
    assert.match(panic.stderr, /^panic: something broke\n\ngoroutine 3 \[running\]:\nError: something broke\n\s+at thrower /);
    const t0 = Date.now();
    const exit = await gosched(['run', path.join(support, 'prog-exit.js'), 'a', 'b'], env(1));
    assert.equal(exit.code, 0, exit.stderr);
    assert.equal(exit.stdout, 'main done a,b\n');
    assert.ok(Date.now() - t0 < 20_000);
  });
}

test('gosched run: usage errors exit 2 naming the mistake', T, async () => {
  const none = await gosched(['run'], {});
  assert.equal(none.code, 2);
  assert.match(none.stderr, /missing FILE/);
  const missing = await gosched(['run', 'no/such.mjs'], {});
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no such file: no\/such\.mjs/);
  const procs = await gosched(['run', 'examples/sieve.mjs'], { GOMAXPROCS: 'lots' });
  assert.equal(procs.code, 2);
  assert.match(procs.stderr, /GOMAXPROCS=lots: must be a positive integer/);
  const many = await gosched(['run', 'examples/sieve.mjs'], { GOMAXPROCS: '1e9' });
  assert.equal(many.code, 2);
  assert.match(many.stderr, /GOMAXPROCS=1e9: at most 32757/);
});

test('a panic nobody waits for surfaces as an unhandled rejection', T, async () => {
  const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    execFile(process.execPath, [path.join(support, 'unhandled-panic.js'), 'run'], { timeout: 30_000 }, (err, _out, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stderr }));
  });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /GoroutinePanic: goroutine 1 \[boom .*\] panicked: nobody listened/);
  // Several panics, one wait(): it takes one, and the next surfaces (the rest were
  // dropped with it before).
  const once = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [path.join(support, 'unhandled-panic.js'), 'wait-once'], { timeout: 30_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr }));
  });
  assert.match(once.stdout, /^wait rejected: goroutine \d+ \[boom .*\] panicked: boom \d\n$/);
  assert.equal(once.code, 1, `${once.stdout}${once.stderr}`);
  assert.match(once.stderr, /GoroutinePanic: goroutine \d+ \[boom .*\] panicked: boom \d/);
});

test('gosched bench runtime prints one Go benchmark line per benchmark, procs and protocol', T, async () => {
  const r = await gosched(['bench', 'runtime', '--benchtime', '20x', '--cpu', '1', '--protocol', 'lock,atomic', '--json'], {});
  assert.equal(r.code, 0, r.stderr);
  const { results } = JSON.parse(r.stdout) as { results: { name: string; protocol: string; procs: number; n: number; nsPerOp: number }[] };
  assert.deepEqual(results.map((x) => `${x.name}/${x.protocol}/${x.procs}/${x.n}`), [
    'BenchmarkGoWait/lock/1/20', 'BenchmarkGoWait/atomic/1/20', 'BenchmarkPingPong/lock/1/20', 'BenchmarkPingPong/atomic/1/20',
    'BenchmarkBuffered/lock/1/20', 'BenchmarkBuffered/atomic/1/20', 'BenchmarkMutex/lock/1/20', 'BenchmarkMutex/atomic/1/20',
  ]);
  assert.ok(results.every((x) => x.nsPerOp > 0 && Number.isFinite(x.nsPerOp)));
  assert.match(r.stderr, /^BenchmarkPingPong\s+\t\s+20\t\s+[\d.]+ ns\/op\tprotocol=atomic$/m);
  const bad = await gosched(['bench', 'runtime', '--bench', 'Nothing'], {});
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /matches no benchmark/);
});
