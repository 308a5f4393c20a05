#!/usr/bin/env node
// Differential fuzzing of the goroutine runtime against Go (a developer's tool; tests never
// run it). fuzz-gen.mjs writes random concurrent programs twice, in Go and for gosched,
// whose output does not depend on the schedule; this script builds the Go ones in one
// module (one `go build`, so the compiler's start-up is paid once), runs each Go program
// twice and `gosched run` under both protocols, with the same command-line arguments and
// at two GOMAXPROCS settings, both drawn per program, and compares what observe.mjs
// compares: stdout, the exit status, the report's first line and goroutine states. Needs
// Go (1.19 was used) and `npm run build`; --jobs programs are checked at a time (default 2).
//
//   node examples/go-diff/fuzz.mjs [--count N] [--seed=S] [--keep DIR] [--jobs J] [--show] [--stop] [--more]
//
// --more draws half the stages from fuzz-stages-more.mjs (closing from several goroutines,
// senders whose channel is closed under them, a Mutex held across blocking, nested closers);
// without it every seed writes the program it wrote before those stages existed.
// Program i has the seed S+i: `--seed=S+i --count 1` writes it again. A program whose two Go
// runs differ is a fault of the generator (its output is meant to be schedule-independent)
// and is counted apart, not as a gosched difference. Programs that differ (or whose Go runs
// differ) are kept in --keep DIR (default a folder under the system's temp folder) with a
// note of what each side showed; --show prints each program's seed and outcome, --stop ends
// at the first difference. A gosched run past 60 s is killed and counted as a difference
// (a hang is always a bug). The last line is the record: programs, seeds, agree, differ
// (also after Ctrl-C, for the programs checked so far).
// Exit 0 when every program agrees, 1 otherwise, 2 on bad usage or a missing tool, 4 when
// a generated Go program does not compile (a fault of the generator).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../models/spin/mulberry32.mjs';
import { parseFuzzArgs } from '../../models/spin/fuzz-args.mjs';
import { writeProgram } from './fuzz-gen.mjs';
import { observe, requireGo } from './observe.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const built = path.join(root, 'dist/src');
const values = parseFuzzArgs('examples/go-diff/fuzz.mjs',
  { count: { type: 'string' }, seed: { type: 'string' }, keep: { type: 'string' }, jobs: { type: 'string' }, show: { type: 'boolean' }, stop: { type: 'boolean' }, more: { type: 'boolean' } },
  '[--count N] [--seed=S] [--keep DIR] [--jobs J] [--show] [--stop] [--more]');
const whole = (name, text, min) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    console.error(`examples/go-diff/fuzz.mjs: --${name} must be an integer >= ${min}, got ${JSON.stringify(text)}`);
    process.exit(2);
  }
  return n;
};
const count = whole('count', values.count ?? '20', 1);
const seed = whole('seed', values.seed ?? String(Date.now() % 1e9), -(2 ** 31));
const jobs = whole('jobs', values.jobs ?? '2', 1);
const keep = path.resolve(values.keep ?? path.join(os.tmpdir(), 'gosched-go-fuzz'));
if (!fs.existsSync(path.join(built, 'cli.js'))) {
  console.error(`examples/go-diff/fuzz.mjs: ${built}/cli.js is missing: run npm run build first`);
  process.exit(2);
}
requireGo('examples/go-diff/fuzz.mjs');

// One Go module holding a package per program; the gosched programs beside it find
// 'gosched' through node_modules/gosched: a copy of the build taken now, so that a
// rebuild during a long run (tsc rewriting dist/ file by file) cannot mix two versions
// into one program's threads.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'go-fuzz-'));
fs.writeFileSync(path.join(work, 'go.mod'), 'module fuzz\n\ngo 1.19\n');
const pkg = path.join(work, 'node_modules/gosched');
fs.cpSync(built, path.join(pkg, 'dist/src'), { recursive: true });
fs.copyFileSync(path.join(root, 'package.json'), path.join(pkg, 'package.json'));
fs.symlinkSync(path.join(root, 'node_modules'), path.join(pkg, 'node_modules'));
const cli = path.join(pkg, 'dist/src/cli.js');
const programs = [];
for (let i = 0; i < count; i++) {
  const s = seed + i;
  const rng = mulberry32(s);
  const prog = writeProgram(() => rng.next(), { more: values.more === true });
  const name = `p${s < 0 ? 'm' + -s : s}`;
  fs.mkdirSync(path.join(work, name));
  fs.writeFileSync(path.join(work, name, 'main.go'), prog.go);
  fs.writeFileSync(path.join(work, `${name}.mjs`), prog.js);
  // Two GOMAXPROCS settings per program: 1 (the commit's default) and one of 2..4.
  const procs = [1, 2 + Math.floor(rng.next() * 3)];
  programs.push({ seed: s, name, procs, ...prog });
}
try {
  execFileSync('go', ['build', '-o', path.join(work, 'bin') + path.sep, './...'], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
} catch (err) {
  console.error(`examples/go-diff/fuzz.mjs: go build failed (a fault of fuzz-gen.mjs; the programs are in ${work}):\n${err.stderr}`);
  process.exit(4);
}

const strip = ({ stdout, status, report }) => JSON.stringify({ stdout, status, report });
let agree = 0, differ = 0, unstable = 0, done = 0, stopped = false;
async function check(prog) {
  const exe = path.join(work, 'bin', prog.name);
  const notes = [];
  let goUnstable = false;
  for (const procs of prog.procs) {
    const env = { GOMAXPROCS: String(procs) };
    const [go1, go2] = [await observe(exe, prog.args, env), await observe(exe, prog.args, env)];
    if (strip(go1) !== strip(go2)) {
      goUnstable = true;
      notes.push(`GOMAXPROCS=${procs}: Go's two runs differ\n  ${strip(go1)}\n  ${strip(go2)}`);
      continue;
    }
    for (const protocol of ['atomic', 'lock']) {
      const gs = await observe(process.execPath, [cli, 'run', path.join(work, `${prog.name}.mjs`), ...prog.args], { ...env, GOSCHED_PROTOCOL: protocol }, 60_000);
      if (strip(gs) !== strip(go1)) {
        notes.push(`GOMAXPROCS=${procs} ${protocol}: DIFFERS\n  go:      ${strip(go1)}\n  gosched: ${strip(gs)}\n  gosched stderr: ${gs.stderr.split('\n').slice(0, 8).join('\n    ')}`);
      }
    }
  }
  done++;
  if (notes.length === 0) agree++;
  else if (goUnstable) unstable++;
  else differ++;
  const outcome = notes.length === 0 ? 'agrees' : goUnstable ? 'Go is not deterministic (generator fault)' : 'DIFFERS';
  if (notes.length > 0) {
    fs.mkdirSync(keep, { recursive: true });
    fs.writeFileSync(path.join(keep, `${prog.name}.go`), prog.go);
    fs.writeFileSync(path.join(keep, `${prog.name}.mjs`), prog.js);
    fs.writeFileSync(path.join(keep, `${prog.name}.txt`), `seed ${prog.seed} stages ${prog.stages.join(' ')} ending ${prog.ending}\n${notes.join('\n')}\n`);
    console.log(`seed ${prog.seed} (${prog.stages.join(' ')}; ${prog.ending}): ${outcome} -> ${path.join(keep, prog.name)}.*\n${notes.join('\n')}`);
    if (values.stop && !goUnstable) stopped = true;
  } else if (values.show) {
    console.log(`seed ${prog.seed} (${prog.stages.join(' ')}; ${prog.ending}) at GOMAXPROCS ${prog.procs.join(', ')}: ${outcome}`);
  }
  if (done % 25 === 0) console.log(`after ${done}: ${agree} agree, ${differ} differ, ${unstable} generator faults`);
}

// The record: the programs checked to the end (with --stop or an interrupt, fewer than
// were taken from the queue: those still running are not counted).
let taken = 0;
function finish(why) {
  fs.rmSync(work, { recursive: true, force: true });
  console.log(`go-diff fuzz: ${done} programs${why} (seeds ${seed}..${seed + Math.max(taken, 1) - 1}), each at GOMAXPROCS 1 and one of 2..4, Go twice and gosched under both protocols: ${agree} agree, ${differ} differ, ${unstable} generator faults (Go not deterministic)`);
  process.exit(differ === 0 && unstable === 0 && why === '' ? 0 : 1);
}
process.on('SIGINT', () => finish(', interrupted'));
const queue = [...programs];
await Promise.all(Array.from({ length: jobs }, async () => {
  while (queue.length > 0 && !stopped) {
    taken++;
    await check(queue.shift());
  }
}));
finish(stopped ? ', stopped at the first difference' : '');
