// Every option that takes a value, as each command's --help lists it (`--runs N`, `-w N`,
// `--cpu LIST`, ...): given no value, or a number that is not one, the command exits 2 at
// once with a one-line message that names the option as the user typed it (`-w`, not
// `--w`), never a stack and never after starting the work. And a reader that closes the
// pipe early (`gosched mutants --list | head -3`) gets no EPIPE stack trace from gosched.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, repoRoot } from './support/check-cli.js';

const BOUND_MS = 30_000;
const T = { timeout: 120_000 };

const scratch = mkdtempSync(join(tmpdir(), 'gosched-cli-values-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const model = join(scratch, 'ok.pml');
writeFileSync(model, 'byte x;\nactive proctype P() { x = 1; assert(x == 1) }\n');

/** Each command with a value option, the argv that reaches it, and the positionals it needs
 * for its options to be read (check reads options only with one model). */
const COMMANDS: { name: string; argv: string[] }[] = [
  { name: 'stress', argv: ['stress'] },
  { name: 'explore', argv: ['explore'] },
  { name: 'mutants', argv: ['mutants'] },
  { name: 'bench', argv: ['bench'] },
  { name: 'bench runtime', argv: ['bench', 'runtime'] },
  { name: 'bench pool', argv: ['bench', 'pool'] },
  { name: 'check', argv: ['check', model] },
  { name: 'bench-check', argv: ['bench-check'] },
];

/** Placeholders that stand for a number (N, K, S seconds, MB, T a benchtime). */
const NUMERIC = new Set(['N', 'K', 'S', 'MB', 'T']);

/** The options a help lists with a value placeholder: `  --runs N`, `  -w N`, `  --cpu LIST`. */
function valueOptions(help: string): { option: string; value: string }[] {
  return [...help.matchAll(/^ {2}(?:-\w, )?(--?[a-z][a-z-]*) ([A-Z][A-Z_]*)\b/gm)].map((m) => ({ option: m[1]!, value: m[2]! }));
}

/** At most `n` at once: the machine has two cores and other work on them. */
async function limited<T>(jobs: (() => Promise<T>)[], n = 3): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]!();
    }
  }));
  return out;
}

test('every value option: a missing value, and a bad number, exit 2 naming the option', T, async () => {
  const cases: { command: string; argv: string[]; option: string; what: string }[] = [];
  for (const c of COMMANDS) {
    const help = await runCli([...c.argv, '--help'], BOUND_MS);
    assert.equal(help.code, 0, `gosched ${c.name} --help: ${help.stderr}`);
    const options = valueOptions(help.stdout);
    assert.ok(options.length >= 1, `gosched ${c.name} --help lists no option with a value:\n${help.stdout}`);
    for (const { option, value } of options) {
      // -w and -k belong to --bitstate; the placeholder decides what is a bad value.
      const extra = option === '-w' || option === '-k' ? ['--bitstate'] : [];
      cases.push({ command: c.name, argv: [...c.argv, ...extra, option], option, what: 'no value' });
      if (NUMERIC.has(value)) cases.push({ command: c.name, argv: [...c.argv, ...extra, option, 'x1'], option, what: 'x1' });
    }
  }
  assert.ok(cases.filter((k) => k.what === 'x1').length >= 15, `only ${cases.length} cases: the help scan is broken`);
  const runs = await limited(cases.map((k) => () => runCli(k.argv, BOUND_MS)));
  const problems: string[] = [];
  cases.forEach((k, i) => {
    const r = runs[i]!;
    const shown = `gosched ${k.argv.join(' ').replace(model, 'MODEL')}`;
    if (r.code !== 2) problems.push(`${shown} (${k.what}): exit ${r.code}, ${r.stderr.slice(0, 200)}`);
    else if (!new RegExp(`(^|[^-\\w])${k.option}\\b`).test(r.stderr.replace(/-w, --w|-k, --k/g, (s) => s.slice(0, 2)))) problems.push(`${shown} (${k.what}): the message does not name ${k.option}: ${r.stderr}`);
    else if (/--w\b|--k\b/.test(r.stderr.replace(/-w, --w|-k, --k/g, ''))) problems.push(`${shown}: the message names an option the user cannot have typed: ${r.stderr}`);
    else if (/^\s+at /m.test(r.stderr) || r.stderr.trimEnd().split('\n').length > 1) problems.push(`${shown} (${k.what}): not one line: ${r.stderr}`);
  });
  assert.deepEqual(problems, []);
});

test('counts that may be 0 (--pairs, --preemptions) say "non-negative" of a bad value, and take 0', T, async () => {
  const [pairs, explore, mutants] = await Promise.all([
    runCli(['stress', '--pairs', '1.5'], BOUND_MS),
    runCli(['explore', '--preemptions', 'two'], BOUND_MS),
    runCli(['mutants', '--preemptions', '0.5'], BOUND_MS),
  ]);
  for (const [r, o] of [[pairs, '--pairs'], [explore, '--preemptions'], [mutants, '--preemptions']] as const) {
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`${o} must be a non-negative integer`));
  }
  // 0 is read (the error that follows is about the next option, which is bad on purpose).
  const zero = await runCli(['explore', '--preemptions', '0', '--max-executions', '0'], BOUND_MS);
  assert.equal(zero.code, 2);
  assert.match(zero.stderr, /--max-executions must be a positive integer/);
});

test('bench-check reads its options before looking for the default model, which only the safety row needs', T, async () => {
  // The built CLI alone, as an npm install has it: no ../shared/seed/proc.p beside it.
  const pkg = join(scratch, 'pkg');
  cpSync(join(repoRoot, 'dist', 'src'), join(pkg, 'dist', 'src'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'gosched', type: 'module' }));
  const cli = join(pkg, 'dist', 'src', 'cli.js');
  const bad = await runNode([cli, 'bench-check', '--runs', '0']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^gosched: --runs must be a positive integer, got '0'\n$/);
  const none = await runNode([cli, 'bench-check']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /model not found: .*proc\.p \(the default MODEL.*give a model/);
  // --only suite needs no MODEL: what stops it here is the repository's models/, said as such.
  const suite = await runNode([cli, 'bench-check', '--only', 'suite']);
  assert.equal(suite.code, 2);
  assert.match(suite.stderr, /the suite row reads models\/liveness from a checkout/);
});

test('bench-check: MODEL, --max-depth and --vectorsz are the safety row\'s, refused without it; a model the checker refuses is bad input (exit 2, its place)', T, async () => {
  const empty = join(scratch, 'empty.pml');
  writeFileSync(empty, '');
  const cases: [string[], RegExp][] = [
    [['bench-check', model, '--only', 'atomic'], /^gosched: --only atomic runs no safety row, the one that reads MODEL: MODEL does not apply\n$/],
    [['bench-check', '--only', 'large', '--vectorsz', '2048', '--max-depth', '10'], /^gosched: --only large runs no safety row, the one that reads MODEL: --max-depth, --vectorsz does not apply\n$/],
    [['bench-check', empty, '--runs', '1'], /^gosched: .*empty\.pml:1:1: the model has no proctype or init\n/],
    [['bench-check', scratch, '--runs', '1'], /^gosched: .*gosched-cli-values-\w+: is a directory\n$/],
    // Past 2^24 gcc cannot link pan (its tables outgrow the small code model): said before anything runs.
    [['bench-check', model, '--vectorsz', '16777217'], /^gosched: --vectorsz must be at most 16777216 \(16 MiB, the largest state vector gosched check takes\), got 16777217\n$/],
  ];
  const runs = await Promise.all(cases.map(([args]) => runCli(args, BOUND_MS)));
  cases.forEach(([args, re], i) => {
    assert.equal(runs[i]!.code, 2, `gosched ${args.join(' ')}: ${runs[i]!.stdout}${runs[i]!.stderr}`);
    assert.match(runs[i]!.stderr, re);
    assert.equal(runs[i]!.stdout, '', 'refused before any run');
  });
});

function runNode(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { timeout: BOUND_MS, killSignal: 'SIGKILL', encoding: 'utf8' },
      (err, _stdout, stderr) => resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : null, stderr }));
  });
}

test('a reader that closes the pipe early gets no EPIPE stack trace; the command\'s exit status stands', T, async () => {
  const cli = join(repoRoot, 'dist', 'src', 'cli.js');
  for (const argv of [['mutants', '--list'], ['check', '--help']]) {
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [cli, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
      // Closed before the command writes a byte: its first write meets a closed pipe.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`gosched ${argv.join(' ')} did not exit`)); }, BOUND_MS);
      child.on('exit', (code) => { clearTimeout(timer); resolve({ code, stderr }); });
    });
    assert.equal(r.stderr, '', `gosched ${argv.join(' ')} with stdout closed: ${r.stderr}`);
    assert.equal(r.code, 0);
  }
});

test('gosched run --help: the GOSCHED_HEAP_MB range and GOMAXPROCS default it states are the real ones', T, async () => {
  const help = await runCli(['run', '--help'], BOUND_MS);
  const range = /GOSCHED_HEAP_MB .*in MiB from (\d+) to\s+(\d+)/s.exec(help.stdout);
  assert.ok(range !== null, `run --help states GOSCHED_HEAP_MB's range:\n${help.stdout}`);
  const [lo, hi] = [Number(range[1]), Number(range[2])];
  const main = join(scratch, 'procs.mjs');
  const index = new URL('../src/index.js', import.meta.url).href;
  writeFileSync(main, `import { GOMAXPROCS } from ${JSON.stringify(index)};\nexport function main() { console.log(GOMAXPROCS(0)); }\n`);
  const runs = await Promise.all([lo, hi, lo - 1, hi + 1].map((mb) => runCliEnv(['run', main], { GOSCHED_HEAP_MB: String(mb) })));
  assert.deepEqual(runs.map((r) => r.code), [0, 0, 2, 2], runs.map((r) => r.stderr).join(''));
  for (const r of runs.slice(2)) assert.match(r.stderr, /^gosched: GOSCHED_HEAP_MB=-?\d+: must be an integer from/);
  const stated = /GOMAXPROCS\s+.*\(default (\d+)/.exec(help.stdout)?.[1];
  assert.equal(runs[0]!.stdout, `${stated}\n`, 'GOMAXPROCS unset: the default the help states');
});

function runCliEnv(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { GOMAXPROCS: _unset, ...rest } = process.env;
  return new Promise((resolve) => {
    execFile(process.execPath, [join(repoRoot, 'dist', 'src', 'cli.js'), ...args], { cwd: repoRoot, env: { ...rest, ...env }, timeout: BOUND_MS, killSignal: 'SIGKILL', encoding: 'utf8' },
      (err, stdout, stderr) => resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : null, stdout, stderr }));
  });
}

test('every command\'s --help states its exit statuses, and ltl\'s and bench runtime\'s usage status is 2', T, async () => {
  const names = ['run', 'stress', 'explore', 'mutants', 'bench', 'bench runtime', 'bench pool', 'check', 'ltl', 'replay', 'bench-check'];
  const helps = await Promise.all(names.map((n) => runCli([...n.split(' '), '--help'], BOUND_MS)));
  const silent = names.filter((_, i) => !/exit status|^ {2}exit \d|[Ee]xits \d/m.test(helps[i]!.stdout));
  assert.deepEqual(silent, [], 'these --help texts say nothing of exit statuses');
  const [ltl, runtime] = await Promise.all([runCli(['ltl', '[] ('], BOUND_MS), runCli(['bench', 'runtime', '--bench', 'nothing-matches'], BOUND_MS)]);
  assert.equal(ltl.code, 2, ltl.stderr);
  assert.match(ltl.stderr, /at column \d+/);
  assert.equal(runtime.code, 2, runtime.stderr);
});

test('check takes -w and -k, which its --help lists, and not --w or --k, which it does not', T, async () => {
  const [w, k, short] = await Promise.all([
    runCli(['check', model, '--bitstate', '--w', '10'], BOUND_MS),
    runCli(['check', model, '--bitstate', '--k=2'], BOUND_MS),
    runCli(['check', model, '--bitstate', '-w', '10', '-k', '2'], BOUND_MS),
  ]);
  for (const [r, o] of [[w, '--w'], [k, '--k']] as const) {
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stderr, new RegExp(`unknown option '${o}' \\(did you mean ${o.slice(1)}\\?\\)`));
  }
  assert.equal(short.code, 0, short.stderr);
});

test('gosched run: GOSCHED_MAXM and GOSCHED_MAXG set maxm and maxg, and the messages that say to raise them name them', T, async () => {
  const index = new URL('../src/index.js', import.meta.url).href;
  const main = join(scratch, 'fanout.mjs');
  writeFileSync(main, `import { go, chan } from ${JSON.stringify(index)};
export function child(c) { c.send(1); }
export function main(args) { const n = Number(args[0]); const c = chan(); for (let i = 0; i < n; i++) go(child, c); for (let i = 0; i < n; i++) c.recv(); console.log('done ' + n); }
`);
  const help = (await runCli(['run', '--help'], BOUND_MS)).stdout;
  assert.match(help, /^ {2}GOSCHED_MAXM {2,}/m);
  assert.match(help, /^ {2}GOSCHED_MAXG {2,}/m);
  const [m1, m2, g2, g3, bad, small] = await Promise.all([
    runCliEnv(['run', main, '1'], { GOSCHED_MAXM: '1' }), // main holds the one M; its child cannot start
    runCliEnv(['run', main, '1'], { GOSCHED_MAXM: '2' }),
    runCliEnv(['run', main, '1'], { GOSCHED_MAXG: '2' }),
    runCliEnv(['run', main, '2'], { GOSCHED_MAXG: '2' }),
    runCliEnv(['run', main, '1'], { GOSCHED_MAXM: '0' }),
    runCliEnv(['run', main, '1'], { GOSCHED_MAXG: '1048576', GOSCHED_HEAP_MB: '1' }),
  ]);
  assert.equal(m1.code, 2, m1.stderr);
  assert.match(m1.stderr, /^fatal error: all goroutines are asleep - deadlock! .*all 1 M's hold blocked goroutines; raise GOSCHED_MAXM\)$/m);
  assert.deepEqual([m2.code, m2.stdout], [0, 'done 1\n'], m2.stderr);
  assert.deepEqual([g2.code, g2.stdout], [0, 'done 1\n'], g2.stderr);
  assert.equal(g3.code, 2, g3.stderr);
  assert.match(g3.stderr, /^panic: cannot create goroutine: all 2 G slots are in use \(raise GOSCHED_MAXG\)$/m);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^gosched: GOSCHED_MAXM=0: must be an integer from 1 to \d+\n$/);
  assert.equal(small.code, 2);
  assert.match(small.stderr, /^gosched: GOSCHED_HEAP_MB=1 is too small for GOSCHED_MAXG=1048576: .*give at least \d+\n$/);
});

test('bench --cpu-prof refuses the options it would ignore, naming them', T, async () => {
  const [go, cpu] = await Promise.all([
    runCli(['bench', '--cpu-prof', '--go'], BOUND_MS),
    runCli(['bench', '--cpu-prof', '--cpu', '2', '--count', '3'], BOUND_MS),
  ]);
  assert.equal(go.code, 2, go.stderr);
  assert.match(go.stderr, /^gosched: --cpu-prof profiles the atomic BenchmarkSyscall at -cpu 1, once .*: --go does not apply\n$/);
  assert.equal(cpu.code, 2, cpu.stderr);
  assert.match(cpu.stderr, /: --cpu, --count does not apply\n$/);
});

test('bench pool --placement and --idle refuse the options they would ignore, naming them', T, async () => {
  const [placement, idle] = await Promise.all([
    runCli(['bench', 'pool', '--placement', '--pool', 'piscina'], BOUND_MS),
    runCli(['bench', 'pool', '--idle', '--warm', '2', '--workload', 'a'], BOUND_MS),
  ]);
  assert.equal(placement.code, 2, placement.stderr);
  assert.match(placement.stderr, /^gosched: --placement runs gosched alone and writes no file: --pool does not apply\n$/);
  assert.equal(idle.code, 2, idle.stderr);
  assert.match(idle.stderr, /^gosched: --idle runs no workload, it starts idle threads: --workload, --warm does not apply\n$/);
});

test('mutants and explore refuse the options a run would ignore, naming them', T, async () => {
  const cases: [string[], RegExp][] = [
    [['mutants', '--list', '--only', 'mnextg-no-wakeup'], /^gosched: --list prints the catalogue \(with --json as JSON\): --only does not apply\n$/],
    [['mutants', '--no-stress', '--stress-runs', '2'], /^gosched: --no-stress runs no stress: --stress-runs does not apply\n$/],
    [['mutants', '--no-explore', '--preemptions', '1'], /^gosched: --no-explore runs no explorer: --preemptions does not apply\n$/],
    [['mutants', '--no-explore', '--no-stress'], /^gosched: --no-stress and --no-explore leave nothing to run: give one\n$/],
    [['explore', '--scenario', 'wired-handback', '--protocol', 'atomic', '--replay', '0x1', '--preemptions', '3'], /^gosched: --replay runs one schedule, no search: --preemptions does not apply\n$/],
    // --json promises one JSON document on stdout; a Markdown table is not one.
    [['mutants', '--markdown', '--json', '--only', 'mnextg-no-wakeup', '--no-stress'], /^gosched: --markdown and --json are two formats of the results: give one\n$/],
  ];
  const runs = await Promise.all(cases.map(([args]) => runCli(args, BOUND_MS)));
  cases.forEach(([args, re], i) => {
    assert.equal(runs[i]!.code, 2, `gosched ${args.join(' ')}: ${runs[i]!.stdout}${runs[i]!.stderr}`);
    assert.match(runs[i]!.stderr, re);
  });
});

test('a negative number for a numeric option is that option\'s own error (exit 2, one line, the value shown), not parseArgs\' "ambiguous"', T, async () => {
  const cases: { argv: string[]; option: string }[] = [];
  for (const c of COMMANDS) {
    const help = (await runCli([...c.argv, '--help'], BOUND_MS)).stdout;
    for (const { option, value } of valueOptions(help)) {
      if (!NUMERIC.has(value)) continue;
      const extra = option === '-w' || option === '-k' ? ['--bitstate'] : c.name === 'bench pool' && option === '--threads' ? ['--idle'] : [];
      // --benchtime takes a duration: its negative is -1s.
      cases.push({ argv: [...c.argv, ...extra, option, value === 'T' ? '-1s' : '-1'], option });
    }
  }
  assert.ok(cases.length >= 15, `only ${cases.length} cases: the help scan is broken`);
  const runs = await limited(cases.map((k) => () => runCli(k.argv, BOUND_MS)));
  const problems: string[] = [];
  cases.forEach((k, i) => {
    const r = runs[i]!;
    const shown = `gosched ${k.argv.join(' ').replace(model, 'MODEL')}`;
    if (r.code !== 2) problems.push(`${shown}: exit ${r.code}, ${r.stderr.slice(0, 200)}`);
    else if (!r.stderr.startsWith(`gosched: ${k.option}`) || !/'-1s?'|"-1s?"/.test(r.stderr)) problems.push(`${shown}: not the option's own message with the value: ${r.stderr}`);
    else if (/ambiguous/.test(r.stderr) || r.stderr.trimEnd().split('\n').length > 1) problems.push(`${shown}: ${r.stderr}`);
  });
  assert.deepEqual(problems, []);
  // After --, a dash is a positional: ltl's formula may start with one.
  const neg = await runCli(['ltl', '--', '-1 < x'], BOUND_MS);
  assert.equal(neg.code, 0, neg.stderr);
});

test('a command ended by SIGTERM ends its child processes too (bench pool\'s child ran on as an orphan)', { ...T, skip: process.platform !== 'linux' && 'reads /proc' }, async () => {
  const { descendants } = await import('../src/commands/children.js');
  const child = spawn(process.execPath, [join(repoRoot, 'dist', 'src', 'cli.js'), 'bench', 'pool', '--pool', 'gosched', '--workload', 'c', '--warm', '50', '--out', join(scratch, 'pool')], { stdio: 'ignore' });
  const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let below: number[] = [];
  try {
    for (const end = Date.now() + BOUND_MS; below.length === 0 && Date.now() < end;) {
      await new Promise((r) => setTimeout(r, 100));
      below = descendants(child.pid!);
    }
    assert.ok(below.length > 0, 'bench pool started no child process within the bound');
    child.kill('SIGTERM');
    assert.equal(await exited, 'SIGTERM', 'gosched ends by the signal it was sent');
    const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
    let left = below.filter(alive);
    for (const end = Date.now() + 10_000; left.length > 0 && Date.now() < end;) {
      await new Promise((r) => setTimeout(r, 100));
      left = left.filter(alive);
    }
    assert.deepEqual(left, [], 'child processes left running after gosched ended');
  } finally {
    // What this test started, whatever happened above (an orphan is no longer below child).
    for (const pid of [...below, ...descendants(child.pid!)]) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
    child.kill('SIGKILL');
  }
});

test('a command ended by SIGTERM leaves no temporary folder behind (the server benchmark\'s files)', { ...T, skip: process.platform !== 'linux' && 'reads /proc' }, async () => {
  // The command's own temporary folder: TMPDIR points it at a folder of this test's.
  const tmp = mkdtempSync(join(scratch, 'tmp-'));
  const child = spawn(process.execPath, [join(repoRoot, 'dist', 'src', 'cli.js'), 'bench', '--bench', 'BenchmarkServer', '--protocol', 'atomic', '--cpu', '1', '--count', '20', '--out', join(scratch, 'server')],
    { stdio: 'ignore', env: { ...process.env, TMPDIR: tmp } });
  const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  try {
    let made: string[] = [];
    for (const end = Date.now() + BOUND_MS; made.length === 0 && Date.now() < end;) {
      await new Promise((r) => setTimeout(r, 100));
      made = readdirSync(tmp);
    }
    assert.ok(made.some((f) => f.startsWith('gosched-server-')), `the server benchmark made no folder within the bound: ${made.join(', ')}`);
    child.kill('SIGTERM');
    assert.equal(await exited, 'SIGTERM', 'gosched ends by the signal it was sent');
    assert.deepEqual(readdirSync(tmp), [], 'temporary folders left behind');
  } finally {
    child.kill('SIGKILL');
  }
});

test('stress: a run too short to reach every required path says so and what to do, as its --help promises', T, async () => {
  const r = await runCli(['stress', '--seconds', '0.05', '--threads', '1', '--protocol', 'atomic'], 60_000);
  const missing = /^ {2}paths never reached {5}(.*?) \(not required/m.exec(r.stdout)?.[1];
  assert.ok(missing !== undefined && missing !== 'none', `a 0.05 s run reached every path: this test needs one that does not\n${r.stdout}`);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^ {2}FAILURE: \d+ required paths? never reached \(.*\): give the run more --seconds or --pairs\nFAIL$/m);
});

test('bench runtime reads --cpu as bench does: decimal digits only (0x2 and 1e0 are not GOMAXPROCS values)', T, async () => {
  const runs = await Promise.all(['0x2', '1e0', ' 2', '2.0'].map((v) => runCli(['bench', 'runtime', '--cpu', v, '--bench', 'nothing-matches'], BOUND_MS)));
  runs.forEach((r, i) => {
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^gosched: --cpu: '.*' is not a GOMAXPROCS from 1 to 256\n$/, `value ${i}`);
  });
});
