// Benchmark progress: on a terminal one status line rewritten in place (the bytes that do
// it are checked here against a fake terminal); in a pipe none at all, with stdout holding
// only parseable results (checked on a real `gosched bench` child whose stdio are pipes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLEAR_LINE, liveLine, piecesTo, progressFor, terminalProgress, type Progress } from '../src/bench/progress.js';
import { parseBenchLines } from '../src/bench/format.js';

const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url));

function fakeTerminal(columns: number) {
  const writes: string[] = [];
  return { writes, stream: { isTTY: true, columns, write: (s: string) => { writes.push(s); return true; } } };
}

test('liveLine: carriage return, the text cut to the width, erase to the end of the line', () => {
  assert.equal(liveLine('lock BenchmarkSyscall b.N = 1 100', 80), '\rlock BenchmarkSyscall b.N = 1 100\x1b[K');
  // Never as wide as the terminal (a full row wraps on some terminals) and never a newline.
  // Too long: the middle gives way, so the benchmark's name and the latest figure stay.
  const long = liveLine(`atomic BenchmarkSyscall b.N =${' 1000000'.repeat(20)} -> 35.2 ns/op`, 40);
  assert.equal(long, '\ratomic BenchmarkSys\u202600000 -> 35.2 ns/op\x1b[K');
  assert.equal([...long.slice(1, -3)].length, 39);
  assert.equal(liveLine('two\nlines', 80), '\rtwo lines\x1b[K');
});

test('on a terminal: updates rewrite one line, clear takes it away, done keeps the last status', () => {
  const t = fakeTerminal(60);
  const p = terminalProgress(t.stream);
  p.update('atomic BenchmarkSyscall b.N = 1');
  p.update('atomic BenchmarkSyscall b.N = 1 100');
  assert.ok(t.writes.every((w) => w.startsWith('\r') && !w.includes('\n')), JSON.stringify(t.writes));
  p.clear();
  assert.equal(t.writes.at(-1), CLEAR_LINE);
  const n = t.writes.length;
  p.clear(); // nothing shown: nothing written
  assert.equal(t.writes.length, n);
  p.update('atomic server (run 3/3)');
  p.done();
  assert.equal(t.writes.at(-1), '\ratomic server (run 3/3)\x1b[K\n');
  assert.equal(t.writes.join('').split('\n').length, 2, 'one newline in all: the kept final line');
  p.done('24 runs'); // a final text replaces the status
  assert.equal(t.writes.at(-1), '\r24 runs\x1b[K\n');
});

test('progressFor: live progress on a terminal only', () => {
  const writes: string[] = [];
  const pipe = progressFor({ isTTY: false, write: (s: string) => writes.push(s) });
  pipe.update('lock BenchmarkSyscall b.N = 1');
  pipe.clear();
  pipe.done('final');
  assert.deepEqual(writes, []);
  const t = fakeTerminal(80);
  progressFor(t.stream).update('x');
  assert.deepEqual(t.writes, ['\rx\x1b[K']);
});

test('piecesTo: the pieces of one progress line build one status; a newline starts the next', () => {
  const seen: string[] = [];
  const rec: Progress = { update: (s) => seen.push(s), clear() {}, done() {} };
  const write = piecesTo(rec);
  for (const piece of ['lock   BenchmarkSyscall (run 1/3) b.N =', ' 1', ' 100', ' -> 35.2 ns/op\n', 'atomic warm-up\n', 'atomic BenchmarkSyscall b.N =']) write(piece);
  assert.deepEqual(seen, [
    'lock   BenchmarkSyscall (run 1/3) b.N =',
    'lock   BenchmarkSyscall (run 1/3) b.N = 1',
    'lock   BenchmarkSyscall (run 1/3) b.N = 1 100',
    'lock   BenchmarkSyscall (run 1/3) b.N = 1 100 -> 35.2 ns/op',
    'atomic warm-up',
    'atomic BenchmarkSyscall b.N =',
  ]);
});

test('gosched bench into pipes: no progress on stderr, only parseable results on stdout', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gosched-progress-test-'));
  try {
    const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [CLI, 'bench', '--bench', '^BenchmarkSyscall$', '--cpu', '1', '--benchtime', '30ms', '--count', '2', '--out', out], { timeout: 60_000 }, (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      });
    });
    assert.equal(r.code, 0, r.stderr);
    // stderr: the one line naming the files written, nothing of b.N, warm-ups or runs.
    assert.deepEqual(r.stderr.trim().split('\n'), [`wrote ${['bench.txt', 'old.txt', 'new.txt', 'chart.svg', 'results.json'].map((f) => path.join(out, f)).join(', ')}`]);
    assert.doesNotMatch(r.stdout + r.stderr, /[\r\x1b]/);
    // stdout: the result lines (2 protocols x count 2) and a table whose rows split into cells.
    const lines = parseBenchLines(r.stdout);
    assert.equal(lines.length, 4, r.stdout);
    assert.ok(lines.every((l) => l.name === 'BenchmarkSyscall' && l.n > 1 && l.nsPerOp > 0), r.stdout);
    const all = r.stdout.split('\n');
    const head = all.findIndex((l) => /^benchmark\s+old ns\/op\s+new ns\/op\s+delta$/.test(l));
    assert.ok(head > 0, r.stdout);
    assert.match(all[head + 1]!, /^BenchmarkSyscall {2,}[\d.]+ {2,}[\d.]+ {2,}[-+][\d.]+%$/);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
