// What an independent try of every command's flags and inputs found (each case here was
// wrong before its fix): an input that hung or filled the memory, a value kept or lost
// without a word, a file SPIN takes that the checker refused, a stack trace. Each run is
// cheap: refused before any work, or a model of a few states.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath, runCli, type CliRun } from './support/check-cli.js';

const T = { timeout: 120_000 };
/** Far longer than any of these needs; a run that hangs is killed and fails. */
const BOUND_MS = 30_000;

const scratch = mkdtempSync(join(tmpdir(), 'gosched-cli-truth-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const ok = join(scratch, 'ok.pml');
writeFileSync(ok, 'byte x;\nactive proctype P() { x = 1; assert(x == 1) }\n');
const bad = join(scratch, 'bad.pml');
writeFileSync(bad, 'byte x;\nactive proctype P() { x = 1; assert(x == 2) }\n');

/** Exit 2, one line on stderr matching `re`, no stack, nothing on stdout. */
function refused(r: CliRun, re: RegExp, what: string): void {
  assert.equal(r.timedOut, false, `${what}: killed after ${BOUND_MS} ms`);
  assert.equal(r.code, 2, `${what}: exit ${r.code}\n${r.stdout}${r.stderr}`);
  assert.match(r.stderr, re, what);
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, `${what}: not one line: ${r.stderr}`);
  assert.equal(r.stdout, '', `${what}: refused before any work`);
}

test('a command name that is an inherited member of an object is an unknown command, not a stack trace', T, async () => {
  const [c, h] = await Promise.all([runCli(['constructor'], BOUND_MS), runCli(['help', 'toString'], BOUND_MS)]);
  for (const [r, name] of [[c, 'constructor'], [h, 'toString']] as const) {
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`^gosched: unknown command '${name}'\\n`));
    assert.doesNotMatch(r.stderr, /internal error|^\s+at /m);
  }
});

test('check: a UTF-8 byte order mark at the start of a model or an included file is dropped, as cpp drops it for SPIN', T, async () => {
  const dir = mkdtempSync(join(scratch, 'bom-'));
  writeFileSync(join(dir, 'inc.h'), '\uFEFF#define N 2\nbyte y;\n');
  writeFileSync(join(dir, 'm.pml'), '\uFEFF#include "inc.h"\nbyte x;\nactive proctype P() { do :: x < N -> x++ :: else -> break od; assert(x == N) }\n');
  // Anywhere else it is a character SPIN refuses too (spin: "syntax error").
  writeFileSync(join(dir, 'mid.pml'), 'byte x;\nactive proctype P() { x = 1;\uFEFF assert(x == 1) }\n');
  const [m, mid] = await Promise.all([runCli(['check', join(dir, 'm.pml'), '--json'], BOUND_MS), runCli(['check', join(dir, 'mid.pml')], BOUND_MS)]);
  assert.equal(m.code, 0, m.stderr);
  const v = JSON.parse(m.stdout) as { statesStored: number; statesMatched: number; transitions: number; depthReached: number };
  // pan's figures for m.pml (spin -a; gcc -DSAFETY -DNOREDUCE; ./pan): 8 stored, 0 matched, depth 7.
  assert.deepEqual([v.statesStored, v.statesMatched, v.transitions, v.depthReached], [8, 0, 8, 7]);
  assert.equal(mid.code, 2, mid.stderr);
  assert.match(mid.stderr, /mid\.pml:2:29: unexpected character/);
});

test('explore --replay refuses an empty schedule and one longer than any execution, at once', T, async () => {
  const replay = (s: string) => runCli(['explore', '--scenario', 'wired-handback', '--protocol', 'atomic', `--replay=${s}`], BOUND_MS);
  const [empty, zero, huge] = await Promise.all([replay(''), replay('0x0'), replay('0x99999999999')]);
  refused(empty, /^gosched: --replay: the schedule is empty/, 'an empty schedule');
  refused(zero, /^gosched: --replay: the schedule is empty/, '0x0');
  refused(huge, /^gosched: --replay: the schedule has 99999999999 steps, more than any execution runs \(5000/, '0x99999999999');
});

test('check -k is bounded (a huge k never ended on a four-state model), and the help states the bounds of -w and -k', T, async () => {
  const [big, top, help] = await Promise.all([
    runCli(['check', ok, '--bitstate', '-k', '1000000000'], BOUND_MS),
    runCli(['check', ok, '--bitstate', '-k', '64'], BOUND_MS),
    runCli(['check', '--help'], BOUND_MS),
  ]);
  refused(big, /^gosched: -k must be 1 to 64 \(bits set per state\), got 1000000000\n$/, '-k 1000000000');
  assert.equal(top.code, 0, top.stderr);
  assert.match(help.stdout, /^ {2}-w N {2,}bitstate array of 2\^N bits, N from 3 to 35 /m);
  assert.match(help.stdout, /^ {2}-k N {2,}bits set per state with --bitstate, 1 to 64 /m);
});

test('bench pool --idle --threads is bounded (a billion threads filled the memory) and the help says so', T, async () => {
  // Ended by SIGTERM at the bound, not SIGKILL: were the bound lost, gosched would end the
  // child that starts the threads (children.ts) instead of leaving it to fill the memory.
  const [r, help] = await Promise.all([
    new Promise<CliRun>((resolve) => {
      execFile(process.execPath, [cliPath, 'bench', 'pool', '--idle', '--threads', '1000000000', '--pool', 'gosched', '--out', join(scratch, 'idle')],
        { timeout: BOUND_MS, killSignal: 'SIGTERM', encoding: 'utf8' }, (err, stdout, stderr) => resolve({
          code: err === null ? 0 : typeof err.code === 'number' ? err.code : null, signal: err?.signal ?? null, timedOut: Boolean(err?.killed), stdout, stderr,
        }));
    }),
    runCli(['bench', 'pool', '--help'], BOUND_MS),
  ]);
  refused(r, /^gosched: --threads must be at most 1024 /, '--threads 1000000000');
  assert.match(help.stdout, /--threads N {2,}idle threads per kind for --idle, 1 to 1024 /);
});

test('an empty path for --trail, --out or --go-test is refused before the work, naming the option', T, async () => {
  const runs = await Promise.all([
    runCli(['check', bad, '--trail='], BOUND_MS), // the search would find the error, then lose the trail
    runCli(['bench', '--out=', '--bench', '^BenchmarkSyscall$', '--benchtime', '1x', '--cpu', '1'], BOUND_MS),
    runCli(['bench', 'pool', '--out=', '--pool', 'gosched'], BOUND_MS),
    runCli(['bench', 'runtime', '--go-test='], BOUND_MS),
  ]);
  refused(runs[0]!, /^gosched: --trail: an empty path; name a file\n$/, 'check --trail=');
  refused(runs[1]!, /^gosched: --out: an empty path; name a folder\n$/, 'bench --out=');
  refused(runs[2]!, /^gosched: --out: an empty path; name a folder\n$/, 'bench pool --out=');
  refused(runs[3]!, /^gosched: --go-test: an empty path; name a test binary\n$/, 'bench runtime --go-test=');
});

test('- for a file is said to be standard input, which is not read; run takes -- before FILE and refuses a pipe in one line', T, async () => {
  const trail = join(scratch, 'x.trail');
  writeFileSync(trail, '# gosched trail\n');
  const runs = await Promise.all([
    runCli(['check', '-'], BOUND_MS),
    runCli(['replay', '-', trail], BOUND_MS),
    runCli(['replay', ok, '-'], BOUND_MS),
    runCli(['bench-check', '-'], BOUND_MS),
    runCli(['run', '-'], BOUND_MS),
  ]);
  refused(runs[0]!, /^gosched: MODEL '-': standard input is not read here; name a file \(a pipe may be named as \/dev\/stdin\)\n$/, 'check -');
  refused(runs[1]!, /^gosched: MODEL '-': standard input/, 'replay - TRAIL');
  refused(runs[2]!, /^gosched: TRAIL '-': standard input/, 'replay MODEL -');
  refused(runs[3]!, /^gosched: MODEL '-': standard input is not read here; name a file\n$/, 'bench-check -');
  refused(runs[4]!, /^gosched: run: FILE '-': a program is not read from standard input/, 'run -');
  // A file whose name starts with a dash, after --; its args follow as before.
  const dashed = join(scratch, '-dashed.mjs');
  writeFileSync(dashed, 'export function main(args) { console.log("args " + args.join(",")); }\n');
  const d = await runCli(['run', '--', dashed, 'a', '--json'], BOUND_MS);
  assert.deepEqual([d.code, d.stdout], [0, 'args a,--json\n'], d.stderr);
  // A pipe as FILE: Node's loader opens it by a /proc path the user never typed.
  const piped = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [cliPath, 'run', '/dev/stdin'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (x) => (stderr += x));
    const timer = setTimeout(() => child.kill('SIGKILL'), BOUND_MS);
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code, stderr }); });
    child.stdin.end('export function main() {}\n');
  });
  assert.equal(piped.code, 2, piped.stderr);
  assert.match(piped.stderr, /^gosched: run: \/dev\/stdin is not a regular file \(a pipe or a device\); FILE is an ES module with an exported main\n$/);
});

test('stress --seed is bounded by the generators\' 32 bits (4294967297 ran seed 1\'s run, reported as another)', T, async () => {
  const [r, help] = await Promise.all([runCli(['stress', '--seed', '4294967297'], BOUND_MS), runCli(['stress', '--help'], BOUND_MS)]);
  refused(r, /^gosched: --seed must be at most 4294967295 /, '--seed 4294967297');
  assert.match(help.stdout, /--seed N {2,}seed of every goroutine's random choices, 1 to 4294967295 \(default: 1\)/);
});

test('an option given twice with two values is refused naming both; the same value twice, or a flag twice, passes', T, async () => {
  const [two, eq, flags, short] = await Promise.all([
    runCli(['check', ok, '--max-depth=5', '--max-depth', '7'], BOUND_MS),
    runCli(['check', ok, '--max-depth=5', '--max-depth', '5', '--json', '--json'], BOUND_MS),
    runCli(['stress', '--json', '--seconds', '1', '--seconds=2'], BOUND_MS),
    runCli(['check', ok, '--bitstate', '-w', '10', '-w', '12'], BOUND_MS),
  ]);
  refused(two, /^gosched: --max-depth given twice, '5' and '7': give it once\n$/, '--max-depth twice');
  assert.equal(eq.code, 0, eq.stderr);
  assert.equal(JSON.parse(eq.stdout).maxDepth, 5);
  // Under --json the refusal is JSON on stdout too.
  assert.equal(flags.code, 2, flags.stderr);
  assert.deepEqual(JSON.parse(flags.stdout), { error: { kind: 'usage', message: "--seconds given twice, '1' and '2': give it once" }, exitCode: 2 });
  refused(short, /^gosched: -w given twice, '10' and '12': give it once\n$/, '-w twice');
});

test('bench exits 4 when Go\'s side of --go-test fails, and its --help lists that status', T, async () => {
  // A shell script that runs no benchmark, carrying the build information a Go 1.18+ binary
  // has (after its exit, so sh never reads it): checkGoTestBinary takes it for one.
  const header = Buffer.alloc(32);
  header.write('\xff Go buildinf:', 0, 'latin1');
  header[14] = 8;
  header[15] = 2;
  const fake = join(scratch, 'runtime.test');
  writeFileSync(fake, Buffer.concat([Buffer.from('#!/bin/sh\necho PASS\nexit 0\n'), header, Buffer.from([8]), Buffer.from('go1.19.8', 'latin1'), Buffer.from('\n')]), { mode: 0o755 });
  const [r, help] = await Promise.all([
    runCli(['bench', '--go-test', fake, '--bench', '^BenchmarkSyscall$', '--benchtime', '1x', '--cpu', '1', '--protocol', 'atomic', '--out', join(scratch, 'bench')], BOUND_MS),
    runCli(['bench', '--help'], BOUND_MS),
  ]);
  assert.equal(r.code, 4, `${r.stdout}${r.stderr}`);
  assert.match(r.stderr, /^gosched: .*runtime\.test ran no benchmark named/m);
  assert.doesNotMatch(r.stderr, /internal error|^\s+at /m);
  const status = /^exit status: ([\s\S]*?)\n\n?`?$/m.exec(help.stdout.slice(help.stdout.indexOf('exit status:')))?.[1] ?? help.stdout.slice(help.stdout.indexOf('exit status:'));
  assert.match(status, /\b4 when Go's side of --go or --go-test fails\b/, 'bench --help lists exit 4');
});

test('a model that cannot be read says why in one line, as a trail does: the code, not Node\'s sentence', T, async () => {
  // /proc/self/mem is a regular file that read() refuses (EIO), even to root, who reads any
  // file whatever its mode (a chmod 000 model would not fail here).
  const r = await runCli(['check', '/proc/self/mem'], BOUND_MS);
  refused(r, /^gosched: \/proc\/self\/mem: cannot read \(EIO\)\n$/, 'check /proc/self/mem');
});

test('--version with something after it says so, where it was "unknown command \'--version\'" and the whole help', T, async () => {
  const [v, extra] = await Promise.all([runCli(['--version'], BOUND_MS), runCli(['--version', 'check'], BOUND_MS)]);
  assert.equal(v.code, 0, v.stderr);
  assert.match(v.stdout, /^gosched \d+\.\d+\.\d+\n$/);
  refused(extra, /^gosched: --version takes nothing after it, got 'check'\n$/, '--version check');
});

test('mutants --stress-seconds is bounded: past Node\'s 2^31 ms timer the stress was killed at its start and every mutant reported caught', T, async () => {
  const [r, help] = await Promise.all([
    runCli(['mutants', '--only', 'mnextg-no-wakeup', '--no-explore', '--stress-seconds', '1000000000'], BOUND_MS),
    runCli(['mutants', '--help'], BOUND_MS),
  ]);
  refused(r, /^gosched: --stress-seconds must be at most 86400 \(a day\), got 1000000000\n$/, '--stress-seconds 1000000000');
  assert.match(help.stdout, /--stress-seconds S {2,}whole seconds per stress run, at most 86400 \(default: 3\)/);
});

test('--benchtime is bounded (a duration past a Node timer\'s range cut every run at once; a count past an Int32 of batches wraps), and both helps say so', T, async () => {
  const [long, many, help, rtHelp] = await Promise.all([
    // --bench matching nothing: were the bound lost, refused for that instead of running.
    runCli(['bench', '--benchtime', '200h', '--bench', 'nothing-matches'], BOUND_MS),
    runCli(['bench', 'runtime', '--benchtime', '1000000001x', '--bench', 'nothing-matches'], BOUND_MS),
    runCli(['bench', '--help'], BOUND_MS),
    runCli(['bench', 'runtime', '--help'], BOUND_MS),
  ]);
  refused(long, /^gosched: --benchtime: duration "200h" is longer than 24h, the longest benchtime\n$/, '--benchtime 200h');
  refused(many, /^gosched: --benchtime: count "1000000001x" is more than 1000000000x, the largest b\.N\n$/, '--benchtime 1000000001x');
  assert.match(help.stdout, /default 1s; at most 24h or 1000000000x/);
  assert.match(rtHelp.stdout, /default 1s; at most 24h or 1000000000x/);
});

test('replay reads a trail saved with a byte order mark or Windows line endings as the trail it is', T, async () => {
  const trail = join(scratch, 'bad.trail');
  const found = await runCli(['check', bad, '--trail', trail], BOUND_MS);
  assert.equal(found.code, 1, found.stderr);
  const text = readFileSync(trail, 'utf8');
  const bom = join(scratch, 'bom.trail');
  writeFileSync(bom, `\uFEFF${text}`);
  const crlf = join(scratch, 'crlf.trail');
  writeFileSync(crlf, text.replace(/\n/g, '\r\n'));
  const runs = await Promise.all([trail, bom, crlf].map((t) => runCli(['replay', bad, t], BOUND_MS)));
  for (const r of runs) {
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, runs[0]!.stdout);
    assert.match(r.stdout, /assertion violated/);
  }
});

test('every command exits 2 for an unknown option, and its --help lists status 2 for bad usage (stress\'s did not)', T, async () => {
  const names = ['run', 'stress', 'explore', 'mutants', 'bench', 'bench runtime', 'bench pool', 'check', 'ltl', 'replay', 'bench-check'];
  const runs = await Promise.all(names.map((n) => runCli([...n.split(' '), '--no-such-option'], BOUND_MS)));
  const helps = await Promise.all(names.map((n) => runCli([...n.split(' '), '--help'], BOUND_MS)));
  const problems: string[] = [];
  names.forEach((n, i) => {
    if (runs[i]!.code !== 2) problems.push(`${n} --no-such-option: exit ${runs[i]!.code}`);
    if (!/\b2 (on )?bad (usage|input)\b|exit 2 {2}also for a mistake/.test(helps[i]!.stdout.replace(/\s+/g, ' ').replace(/exit 2 also/, 'exit 2  also'))) problems.push(`${n} --help lists no status 2 for bad usage`);
  });
  assert.deepEqual(problems, []);
});
