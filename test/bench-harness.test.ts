// The benchmark harness: b.N growth as Go's testing package does it, --benchtime parsing, the
// output format benchstat reads, the comparison table's arithmetic, the chart. No speed is
// asserted anywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBenchtime, parseDuration, formatBenchtime, BenchtimeError } from '../src/bench/benchtime.js';
import { roundUp, roundDown10, nextN, growthSequence, runBenchmark } from '../src/bench/harness.js';
import { benchName, prettyPrint, resultLine, parseBenchLines, nameWidth, headerLines } from '../src/bench/format.js';
import { delta, median, mean, formatTable, tableLines, ratio } from '../src/bench/table.js';
import { chartSvg, panelsFromRows, niceStep } from '../src/bench/chart.js';
import { goBenchRegexp, findGo, goBinaryVersion, checkGoTestBinary, runGoTestBinary } from '../src/bench/gobench.js';
import { ToolError } from '../src/tool-error.js';
import { fail } from '../src/commands/usage.js';
import { parseBenchArgs } from '../src/commands/bench.js';

test('roundDown10 and roundUp give 1eX, 2eX, 3eX, 5eX like Go', () => {
  assert.deepEqual([1, 9, 10, 99, 100, 12345].map(roundDown10), [1, 1, 10, 10, 100, 10000]);
  const cases: [number, number][] = [[1, 1], [2, 2], [3, 3], [4, 5], [5, 5], [6, 10], [10, 10], [11, 20], [20, 20], [21, 30], [31, 50], [51, 100], [100, 100], [101, 200], [2_400_000, 3_000_000], [123_456_789, 200_000_000]];
  for (const [n, want] of cases) assert.equal(roundUp(n), want, `roundUp(${n})`);
});

test('nextN predicts from the last run, grows at most 100x and at least +1', () => {
  // 1 iteration took 1ms: predict 1000, +1/5 = 1200, capped at 100*1.
  assert.equal(nextN(1, 1e6, 1e9), 100);
  // 100 iterations at 50 ns: prediction 2.4e7 capped at 1e4.
  assert.equal(nextN(100, 5000, 1e9), 10_000);
  // 1e6 iterations at 50 ns (50 ms): 2e7 * 1.2 = 2.4e7, rounded up to 3e7.
  assert.equal(nextN(1e6, 5e7, 1e9), 30_000_000);
  // A run that was too fast to measure (0 ns/op) predicts the goal in ns, capped at 100x.
  assert.equal(nextN(1, 0, 1e9), 100);
  // A slow run still grows by at least one.
  assert.equal(nextN(5, 10e9, 1e9), 10); // max(min(0, 500), 6) = 6 -> roundUp = 10
  assert.equal(nextN(1, 2e9, 1e9), 2);
});

test('growth sequence for a 50 ns/op benchmark at 1s is Go\'s 1, 100, 1e4, 1e6, 3e7', () => {
  assert.deepEqual(growthSequence(50, 1e9), [1, 100, 10_000, 1_000_000, 30_000_000]);
  // 1 us/op at 500ms: 1, 100, 1e4 (10 ms), then 5e5*1.2 = 6e5 -> 1e6.
  assert.deepEqual(growthSequence(1000, 5e8), [1, 100, 10_000, 1_000_000]);
});

test('runBenchmark: duration benchtime follows the rule; count benchtime runs 1 then exactly N', async () => {
  const seen: number[] = [];
  const fake = async (n: number) => { seen.push(n); return { ns: n * 50 }; };
  const r = await runBenchmark(fake, { kind: 'duration', ns: 1e9 });
  assert.deepEqual(seen, [1, 100, 10_000, 1_000_000, 30_000_000]);
  assert.equal(r.n, 30_000_000);
  assert.equal(r.nsPerOp, 50);
  assert.deepEqual(r.runs.map((x) => x.n), seen);

  seen.length = 0;
  const c = await runBenchmark(fake, { kind: 'count', n: 100 });
  assert.deepEqual(seen, [1, 100]);
  assert.equal(c.n, 100);
  seen.length = 0;
  await runBenchmark(fake, { kind: 'count', n: 1 });
  assert.deepEqual(seen, [1]);

  // A failure stops the growth and is reported.
  seen.length = 0;
  const f = await runBenchmark(async (n) => { seen.push(n); return n >= 100 ? { ns: 1, failed: 'foo != 42' } : { ns: 1 }; }, { kind: 'duration', ns: 1e9 });
  assert.deepEqual(seen, [1, 100]);
  assert.equal(f.failed, 'foo != 42');
});

test('runBenchmark: a run past its deadline reports the iterations it did, and growth stops', async () => {
  const deadlines: (number | undefined)[] = [];
  // Cheap while small, 1 ms/op from 10000 on (like the Excess benchmarks): Go's rule asks for 1e6.
  const r = await runBenchmark(async (n, deadline) => {
    deadlines.push(deadline);
    const nsop = n > 10_000 ? 1e6 : 10;
    if (deadline !== undefined && n * nsop > deadline) return { ns: deadline, n: Math.floor(deadline / nsop) };
    return { ns: n * nsop };
  }, { kind: 'duration', ns: 1e9 });
  assert.deepEqual(r.runs.map((x) => x.n), [1, 100, 10_000, 5_000]);
  assert.equal(r.n, 5_000);
  assert.equal(r.nsPerOp, 1e6);
  assert.ok(deadlines.every((d) => d === 5e9));
  const seen: (number | undefined)[] = [];
  await runBenchmark(async (_n, d) => { seen.push(d); return { ns: 1 }; }, { kind: 'count', n: 10 });
  assert.deepEqual(seen, [undefined, undefined]);
});

test('--benchtime accepts Go\'s forms and rejects the rest', () => {
  assert.deepEqual(parseBenchtime('1s'), { kind: 'duration', ns: 1e9 });
  assert.deepEqual(parseBenchtime('500ms'), { kind: 'duration', ns: 5e8 });
  assert.deepEqual(parseBenchtime('1.5s'), { kind: 'duration', ns: 1.5e9 });
  assert.deepEqual(parseBenchtime('1m30s'), { kind: 'duration', ns: 90e9 });
  assert.deepEqual(parseBenchtime('250us'), { kind: 'duration', ns: 250e3 });
  assert.deepEqual(parseBenchtime('250µs'), { kind: 'duration', ns: 250e3 });
  assert.deepEqual(parseBenchtime('100x'), { kind: 'count', n: 100 });
  assert.deepEqual(parseBenchtime('1x'), { kind: 'count', n: 1 });
  for (const bad of ['0x', 'x', '-3x', '1.5x', '1sx', '0', '0s', '-1s', '10', '1 s', 'abc', '', '1d', 's', '1s2']) {
    assert.throws(() => parseBenchtime(bad), BenchtimeError, `'${bad}' should be rejected`);
  }
  assert.equal(parseDuration('0'), 0);
  assert.equal(parseDuration('1h2m3.5s'), 3723.5e9);
  assert.equal(formatBenchtime(parseBenchtime('500ms')), '500ms');
  assert.equal(formatBenchtime(parseBenchtime('2s')), '2s');
  assert.equal(formatBenchtime(parseBenchtime('100x')), '100x');
});

test('names and result lines are in Go\'s format', () => {
  assert.equal(benchName('BenchmarkSyscall', 1), 'BenchmarkSyscall');
  assert.equal(benchName('BenchmarkSyscall', 2), 'BenchmarkSyscall-2');
  assert.equal(prettyPrint(65.57, 'ns/op'), '        65.57 ns/op');
  assert.equal(prettyPrint(138.6, 'ns/op'), '       138.6 ns/op');
  assert.equal(prettyPrint(295604, 'ns/op'), '    295604 ns/op');
  assert.equal(prettyPrint(5.5, 'ns/op'), '         5.500 ns/op');
  const w = nameWidth(['BenchmarkSyscall', 'BenchmarkSyscallExcessWork-4']);
  assert.equal(w, 'BenchmarkSyscallExcessWork-4'.length + 8);
  assert.equal(resultLine('BenchmarkSyscall-2', 4157311, 65.57, 27), 'BenchmarkSyscall-2         \t 4157311\t        65.57 ns/op');
  const h = headerLines('gosched', 'Some CPU');
  assert.equal(h.length, 4);
  assert.match(h[0]!, /^goos: \S+$/);
  assert.match(h[1]!, /^goarch: \S+$/);
  assert.equal(h[2], 'pkg: gosched');
  assert.equal(h[3], 'cpu: Some CPU');
});

test('Go\'s own output parses, with and without -P, ignoring noise', () => {
  const text = [
    'goos: linux', 'goarch: amd64', 'pkg: runtime', 'cpu: Intel(R) Xeon(R) Processor',
    'BenchmarkSyscall                   \t 4370384\t        54.79 ns/op',
    'BenchmarkSyscall-2                 \t 4157311\t        65.57 ns/op',
    'BenchmarkSyscallExcessWork-2       \t 1958727\t       122.2 ns/op\t       0 B/op\t       0 allocs/op',
    'BenchmarkWakeupParallelSyscall/0s-2         \t    1827\t    130711 ns/op',
    'BenchmarkBroken --- FAIL', 'PASS', 'ok  \truntime\t8.087s',
  ].join('\n');
  const lines = parseBenchLines(text);
  assert.deepEqual(lines.map((l) => [l.base, l.procs, l.n, l.nsPerOp]), [
    ['BenchmarkSyscall', 1, 4370384, 54.79],
    ['BenchmarkSyscall', 2, 4157311, 65.57],
    ['BenchmarkSyscallExcessWork', 2, 1958727, 122.2],
    ['BenchmarkWakeupParallelSyscall/0s', 2, 1827, 130711],
  ]);
  // Our own lines round-trip.
  const ours = parseBenchLines(resultLine('BenchmarkSyscallWork-3', 300, 1234.4, 30));
  assert.deepEqual(ours.map((l) => [l.base, l.procs, l.n, l.nsPerOp]), [['BenchmarkSyscallWork', 3, 300, 1234]]);
  assert.equal(goBenchRegexp(['BenchmarkSyscall', 'BenchmarkSyscallWork']), '^(BenchmarkSyscall|BenchmarkSyscallWork)$');
  assert.equal(findGo(''), undefined);
});

test('the comparison table: medians, delta %, ratios', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 2, 3]), 2.5);
  assert.equal(mean([1, 2, 6]), 3);
  assert.equal(delta(100, 44), '-56.00%');
  assert.equal(delta(50, 75), '+50.00%');
  assert.equal(delta(538, 74), '-86.25%');
  assert.equal(delta(0, 5), '~');
  assert.equal(ratio(31, 73), '0.42');
  const rows = [
    { bench: 'BenchmarkSyscall', procs: 1, lock: [73, 80, 70], atomic: [31, 30, 40] },
    { bench: 'BenchmarkSyscall', procs: 2, lock: [538], atomic: [74] },
  ];
  const tl = tableLines(rows);
  assert.deepEqual(tl.map((l) => [l.name, l.old, l.new, l.delta, l.newOverOld]), [
    ['BenchmarkSyscall', 73, 31, '-57.53%', '0.42'],
    ['BenchmarkSyscall-2', 538, 74, '-86.25%', '0.14'],
  ]);
  const text = formatTable(rows);
  const lines = text.trimEnd().split('\n');
  assert.equal(lines.length, 3);
  assert.match(lines[0]!, /^benchmark\s+old ns\/op\s+new ns\/op\s+delta$/);
  assert.match(lines[1]!, /^BenchmarkSyscall\s+73\.0\s+31\.0\s+-57\.53%$/);
  assert.match(lines[2]!, /^BenchmarkSyscall-2\s+538\s+74\.0\s+-86\.25%$/);
  const withGo = formatTable([{ ...rows[0]!, go: [55, 54] }]);
  assert.match(withGo, /go ns\/op\s+new\/go/);
  assert.match(withGo, /BenchmarkSyscall\s+73\.0\s+31\.0\s+-57\.53%\s+54\.5\s+0\.57/);
});

test('the chart is an SVG with one panel per benchmark and a line per source', () => {
  assert.equal(niceStep(740), 200);
  assert.equal(niceStep(90), 20);
  const rows = [
    { bench: 'BenchmarkSyscall', procs: 1, lock: [73], atomic: [31], go: [50] },
    { bench: 'BenchmarkSyscall', procs: 2, lock: [538], atomic: [74], go: [60] },
    { bench: 'BenchmarkSyscallWork', procs: 1, lock: [920], atomic: [873] },
  ];
  const panels = panelsFromRows(rows);
  assert.deepEqual(panels.map((p) => [p.title, p.series.length]), [['BenchmarkSyscall', 3], ['BenchmarkSyscallWork', 2]]);
  const svg = chartSvg(panels, 'test <chart>');
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /<\/svg>\n$/);
  assert.equal((svg.match(/<path /g) ?? []).length, 5);
  assert.match(svg, /test &lt;chart&gt;/);
});

test('runBenchmark: a cold b.N = 1 run that lasts the benchtime is run again, not reported', async () => {
  const seen: number[] = [];
  let first = true;
  // The first run pays for thread starts (180 ms for one iteration); then 50 ns/op.
  const fake = async (n: number) => {
    seen.push(n);
    const ns = first ? 180e6 : n * 50;
    first = false;
    return { ns };
  };
  const r = await runBenchmark(fake, { kind: 'duration', ns: 150e6 });
  assert.deepEqual(seen.slice(0, 3), [1, 1, 100]);
  assert.ok(r.n > 1, `reported N = ${r.n}`);
  assert.equal(r.nsPerOp, 50);
  // A body that is really that slow is still reported, after the retries.
  seen.length = 0;
  const slow = await runBenchmark(async (n) => { seen.push(n); return { ns: 200e6 }; }, { kind: 'duration', ns: 150e6 });
  assert.deepEqual(seen, [1, 1, 1]);
  assert.equal(slow.n, 1);
});

test('the comparison table: wide figures never run into the next column', () => {
  const text = formatTable([
    { bench: 'BenchmarkSyscall', procs: 1, lock: [94.8], atomic: [168118284] },
    { bench: 'BenchmarkSyscallWork', procs: 2, lock: [1e12], atomic: [1] },
  ]);
  for (const line of text.trimEnd().split('\n').slice(1)) {
    const cells = line.trim().split(/\s{2,}/);
    assert.equal(cells.length, 4, `four cells apart in '${line}'`);
  }
  assert.match(text, / 168118284 +\+177339862\.03%/);
});

test('--go-test: the Go release is read from a binary\'s build information, and a file that is not one is refused naming it', () => {
  // The layout Go 1.18+ writes: a 32-byte header (magic, pointer size, flags with bit 2 =
  // strings inline), then the version as a varint-length string.
  const header = Buffer.alloc(32);
  header.write('\xff Go buildinf:', 0, 'latin1');
  header[14] = 8;
  header[15] = 2;
  const blob = (v: string, flags = 2) => {
    const h = Buffer.from(header);
    h[15] = flags;
    return new Uint8Array(Buffer.concat([Buffer.from('ELF and code before it'), h, Buffer.from([v.length]), Buffer.from(v, 'latin1'), Buffer.from([0, 1, 2])]));
  };
  assert.equal(goBinaryVersion(blob('go1.19.8')), 'go1.19.8');
  assert.equal(goBinaryVersion(blob('go1.22rc1')), 'go1.22rc1');
  assert.equal(goBinaryVersion(blob('go1.19.8', 0)), undefined, 'a pre-1.18 layout is not guessed at');
  assert.equal(goBinaryVersion(blob('not a version')), undefined);
  assert.equal(goBinaryVersion(new Uint8Array(Buffer.from('no build information here'))), undefined);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gosched-gotest-'));
  try {
    const bin = path.join(dir, 'runtime.test');
    fs.writeFileSync(bin, blob('go1.21.0'), { mode: 0o755 });
    assert.equal(checkGoTestBinary(bin), 'go1.21.0');
    const plain = path.join(dir, 'plain');
    fs.writeFileSync(plain, 'hello', { mode: 0o755 });
    assert.throws(() => checkGoTestBinary(plain), /plain is not a Go binary built by Go 1\.18 or later \(build it with: go test -c/);
    fs.chmodSync(bin, 0o644);
    assert.throws(() => checkGoTestBinary(bin), /runtime\.test is not executable/);
    assert.throws(() => checkGoTestBinary(path.join(dir, 'missing')), /missing is not there/);
    assert.throws(() => checkGoTestBinary(dir), /is not a file/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  assert.throws(() => parseBenchArgs(['--go', '--go-test', 'x']), /--go and --go-test/);
});

test('--go-test runs the binary with -test.* flags and reads its lines; a binary that fails or runs nothing is a ToolError (one line, exit 4, kind "tool")', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gosched-gotest-run-'));
  try {
    const script = (name: string, body: string) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
      return f;
    };
    // Echoes its arguments into a benchmark line's name, so the flags can be checked.
    const ok = script('ok', 'echo "goos: linux"; echo "BenchmarkSyscall-2 \t 1000\t 12.5 ns/op"; echo "args: $*" >&2; echo "$*" > "$(dirname "$0")/args"');
    const r = await runGoTestBinary(ok, 'go1.19.8', ['BenchmarkSyscall'], [1, 2], '200ms', 3, () => {});
    assert.deepEqual(r.lines.map((l) => [l.base, l.procs, l.n, l.nsPerOp]), [['BenchmarkSyscall', 2, 1000, 12.5]]);
    assert.equal(r.version, 'go1.19.8');
    assert.equal(fs.readFileSync(path.join(dir, 'args'), 'utf8').trim(),
      '-test.run NONE -test.bench ^(BenchmarkSyscall)$ -test.cpu 1,2 -test.benchtime 200ms -test.count 3');
    const failing = script('failing', 'echo oops >&2; exit 3');
    await assert.rejects(runGoTestBinary(failing, 'go1.19.8', ['BenchmarkSyscall'], [1], '1x', 1, () => {}),
      (e: unknown) => e instanceof ToolError && /failing failed \(exit 3\):\noops/.test(e.message));
    const empty = script('empty', 'echo PASS');
    await assert.rejects(runGoTestBinary(empty, 'go1.19.8', ['BenchmarkSyscall'], [1], '1x', 1, () => {}),
      (e: unknown) => e instanceof ToolError && /ran no benchmark named \^\(BenchmarkSyscall\)\$/.test(e.message));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // How the command line reports it: one line, no stack, exit 4; under --json, kind "tool".
  const written: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  const writeOut = process.stdout.write.bind(process.stdout);
  const out: string[] = [];
  process.stderr.write = ((s: string) => { written.push(s); return true; }) as typeof process.stderr.write;
  process.stdout.write = ((s: string) => { out.push(s); return true; }) as typeof process.stdout.write;
  let code: number;
  try {
    code = fail(new ToolError('go test failed (exit 1):\nbroken'), true);
  } finally {
    process.stderr.write = write;
    process.stdout.write = writeOut;
  }
  assert.equal(code, 4);
  assert.equal(written.join(''), 'gosched: go test failed (exit 1):\nbroken\n');
  assert.deepEqual(JSON.parse(out.join('')), { error: { kind: 'tool', message: 'go test failed (exit 1):\nbroken' }, exitCode: 4 });
});
