// The benchmark bodies on real worker threads, with tiny b.N: each does what Go's does (the
// count of enter/exit pairs is b.N rounded down to a multiple of CallsPerSched, the work check
// holds), for both protocols; the server workload serves every request; the command's --json
// prints one document. No speed is asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Runtime } from '../src/runtime/runtime.js';
import { MICRO_BENCHMARKS, runMicro, expectedPairs } from '../src/bench/micro.js';
import { runBenchmark } from '../src/bench/harness.js';
import { makeFiles, runServer } from '../src/bench/server.js';
import { W_N } from '../src/bench/bodies.js';
import { runSuite, tableRows } from '../src/bench/suite.js';
import { formatTable } from '../src/bench/table.js';

const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

test('expectedPairs rounds b.N down to whole batches of 1000, as int32(b.N / CallsPerSched) does', () => {
  assert.equal(expectedPairs(1), 0);
  assert.equal(expectedPairs(999), 0);
  assert.equal(expectedPairs(1000), 1000);
  assert.equal(expectedPairs(5500), 5000);
});

for (const protocol of ['lock', 'atomic'] as const) {
  test(`every benchmark body does b.N enter/exit pairs and keeps foo == 42 (${protocol})`, async () => {
    const rt = await Runtime.start({ protocol, gomaxprocs: 2 });
    try {
      for (const b of MICRO_BENCHMARKS) {
        for (const procs of [1, 2]) {
          rt.gomaxprocs(procs);
          for (const n of [1, 999, 5500]) {
            const r = await runMicro(rt, b, procs, n);
            assert.equal(r.failed, undefined, `${b.name}-${procs} N=${n}: ${r.failed}`);
            assert.equal(r.pairs, expectedPairs(n), `${b.name}-${procs} N=${n}`);
            assert.equal(r.goroutines, procs * b.excess);
            assert.equal(Atomics.load(rt.userWords, W_N), -procs * b.excess, 'every goroutine took one last decrement');
          }
        }
      }
      // Through the harness with a count benchtime: b.N = 1, then exactly 3000.
      rt.gomaxprocs(2);
      const seen: number[] = [];
      const res = await runBenchmark(async (n) => { const r = await runMicro(rt, MICRO_BENCHMARKS[1]!, 2, n); seen.push(r.pairs); return r; }, { kind: 'count', n: 3000 });
      assert.equal(res.failed, undefined);
      assert.deepEqual(res.runs.map((x) => x.n), [1, 3000]);
      assert.deepEqual(seen, [0, 3000]);
    } finally {
      await rt.close();
    }
  });
}

test('the server workload serves every request with real file system calls, both protocols', async () => {
  const cfg = { goroutines: 6, requests: 25, burst: 100, files: 8, fileBytes: 256 };
  const files = makeFiles(cfg);
  try {
    for (const protocol of ['lock', 'atomic'] as const) {
      const rt = await Runtime.start({ protocol, gomaxprocs: 2 });
      try {
        const r = await runServer(rt, cfg, files.dir);
        assert.equal(r.requests, cfg.goroutines * cfg.requests);
        assert.equal(r.errors, 0);
        assert.ok(r.real > 0 && r.user >= 0 && r.sys >= 0);
      } finally {
        await rt.close();
      }
    }
  } finally {
    files.remove();
  }
  assert.equal(fs.existsSync(files.dir), false);
});

test('gosched bench --json prints exactly one document with every interleaved row', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gosched-bench-test-'));
  try {
    const r = await cli(['bench', '--json', '--benchtime', '2000x', '--cpu', '1,2', '--bench', '^BenchmarkSyscall(Work)?$', '--count', '2', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as {
      results: { name: string; procs: number; protocol: string; iterations: number; nsPerOp: number; run: number }[];
      table: { name: string; old: number; new: number; delta: string }[];
      server: unknown;
    };
    assert.equal(r.stdout.trim().split('\n').length, 1);
    // Go's order (benchmark, procs, count) with lock then atomic in each slot.
    assert.deepEqual(doc.results.map((x) => `${x.name}/${x.run}/${x.protocol}`), [
      'BenchmarkSyscall/1/lock', 'BenchmarkSyscall/1/atomic', 'BenchmarkSyscall/2/lock', 'BenchmarkSyscall/2/atomic',
      'BenchmarkSyscall-2/1/lock', 'BenchmarkSyscall-2/1/atomic', 'BenchmarkSyscall-2/2/lock', 'BenchmarkSyscall-2/2/atomic',
      'BenchmarkSyscallWork/1/lock', 'BenchmarkSyscallWork/1/atomic', 'BenchmarkSyscallWork/2/lock', 'BenchmarkSyscallWork/2/atomic',
      'BenchmarkSyscallWork-2/1/lock', 'BenchmarkSyscallWork-2/1/atomic', 'BenchmarkSyscallWork-2/2/lock', 'BenchmarkSyscallWork-2/2/atomic',
    ]);
    for (const x of doc.results) {
      assert.equal(x.iterations, 2000);
      assert.ok(x.nsPerOp > 0);
    }
    assert.deepEqual(doc.table.map((t) => t.name), ['BenchmarkSyscall', 'BenchmarkSyscall-2', 'BenchmarkSyscallWork', 'BenchmarkSyscallWork-2']);
    assert.equal(doc.server, null);
    for (const f of ['results.json', 'bench.txt', 'old.txt', 'new.txt', 'chart.svg']) assert.ok(fs.existsSync(path.join(out, f)), f);
    const txt = fs.readFileSync(path.join(out, 'bench.txt'), 'utf8');
    assert.match(txt, /^goos: \S+\ngoarch: \S+\npkg: gosched\ncpu: .+\n/);
    assert.match(txt, /\nprotocol: lock\nBenchmarkSyscall\s+\t {4}2000\t\s+[\d.]+ ns\/op\nprotocol: atomic\n/);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('gosched bench: mistakes are one line and exit 2', async () => {
  for (const args of [['--benchtime', '0x'], ['--benchtime', '10'], ['--cpu', '1,x'], ['--protocol', 'spin'], ['--count', '0'], ['--bench', '('], ['--bench', 'NoSuch'], ['--frobnicate']]) {
    const r = await cli(['bench', ...args]);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^gosched: /);
  }
  const h = await cli(['bench', '--help']);
  assert.equal(h.code, 0);
  assert.match(h.stdout, /--benchtime/);
});

test('runSuite: a benchmark whose b.N = 1 runs keep lasting the benchtime is a failure, not a result', async () => {
  // A 1 ns benchtime: every b.N = 1 run (goroutine starts, no enter/exit pair) lasts it, the
  // harness retries and stops at N = 1; that time is no measurement of the benchmark.
  const bench = MICRO_BENCHMARKS.find((b) => b.name === 'BenchmarkSyscall')!;
  const r = await runSuite({
    cpus: [1], protocols: ['atomic'], benchtime: { kind: 'duration', ns: 1 }, count: 1, benches: [bench],
    server: null, serverProcs: 1, progress: () => {},
  });
  assert.equal(r.rows.length, 1);
  assert.deepEqual(r.rows[0]!.growth, [1, 1, 1]);
  assert.match(r.rows[0]!.failed ?? '', /^no result: the last run did no enter\/exit pair .* a cold start or a stalled machine$/);
  // ... and the table leaves it out of the median: no figure at all.
  assert.match(formatTable(tableRows(r.rows)), /\nBenchmarkSyscall +- +- +~\n$/);
});
