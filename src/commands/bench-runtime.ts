// `gosched bench runtime`: what the goroutine API costs, on real threads, under both
// protocols and at several GOMAXPROCS: go plus completion of an empty goroutine, an
// unbuffered ping-pong round trip, a buffered channel's throughput and a contended Mutex.
// Each runs n operations inside one program (src/rtbench/bodies.ts) timed on its own
// thread, with n grown until the run lasts --benchtime, as Go's testing package does;
// with --go, Go's own figures for the same programs beside them.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { notEmpty, parse, ToolError, UsageError } from './usage.js';
import { parseBenchtime, BenchtimeError, type Benchtime } from '../bench/benchtime.js';
import { benchName, headerLines, nameWidth, parseBenchLines, resultLine, type ParsedLine } from '../bench/format.js';
import { checkGoTestBinary, findGo, runCapture, runGoTestBinary } from '../bench/gobench.js';
import { run as runProgram } from '../runtime/program.js';
import { PROTOCOLS, type Protocol } from '../sched/index.js';
import { removeScratch, scratchDir } from '../scratch.js';

export const help = `usage: gosched bench runtime [options]

The goroutine API's costs, each as n operations inside one program, timed on its own
thread (thread start-up is not counted), n grown until a run lasts --benchtime:

  BenchmarkGoWait     go of an empty goroutine and waiting for it (WaitGroup); the child
                      runs on an idle M after the first round
  BenchmarkPingPong   one round trip over two unbuffered channels between two goroutines
  BenchmarkBuffered   one value (a number) through chan(1024), producer to consumer
  BenchmarkMutex      one lock+unlock of a Mutex shared by 4 goroutines

options:
  --cpu LIST         GOMAXPROCS values (default 1,2)
  --protocol LIST    lock,atomic (default both)
  --benchtime T      1s, 500ms, ... or Nx (default 1s; at most 24h or 1000000000x)
  --bench REGEX      which benchmarks (default .)
  --go               also Go's figures for the same programs (go test -bench, needs go on the PATH)
  --go-test FILE     as --go, from a test binary built beforehand where Go is installed (for
                     a machine without Go): in an empty folder, copy gosched's
                     src/rtbench/gobench.go.txt to rtbench_test.go, then
                     'go mod init rtbench && go test -c -o FILE'
  --json             one JSON document on stdout
  -h, --help         this help

exit status: 0; 2 bad usage (--go with no go on the PATH included); 4 when a benchmark
or Go's 'go test' fails (what it said on stderr).
`;

const BODIES = new URL('../rtbench/bodies.js', import.meta.url).href;

/** How the test binary --go-test takes is built, for its messages. */
const RTBENCH_TEST_BUILD = 'src/rtbench/gobench.go.txt copied to rtbench_test.go in an empty folder, go mod init rtbench && go test -c -o FILE';

interface Bench {
  name: string;
  body: string;
  args: (n: number) => unknown[];
}
const BENCHES: Bench[] = [
  { name: 'BenchmarkGoWait', body: 'goWait', args: (n) => [n] },
  { name: 'BenchmarkPingPong', body: 'pingPong', args: (n) => [n] },
  { name: 'BenchmarkBuffered', body: 'buffered', args: (n) => [n, 1024, false] },
  { name: 'BenchmarkMutex', body: 'mutex', args: (n) => [n, 4] },
];

export interface RuntimeResult {
  name: string;
  protocol: Protocol | 'go';
  procs: number;
  n: number;
  nsPerOp: number;
}

const OPTIONS = {
  cpu: { type: 'string' },
  protocol: { type: 'string' },
  benchtime: { type: 'string' },
  bench: { type: 'string' },
  go: { type: 'boolean' },
  'go-test': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, OPTIONS);
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  // Decimal digits only, as bench's --cpu (Number() would take '0x2', '1e0' and ' 2').
  const cpus = (values.cpu ?? '1,2').split(',').map((s) => {
    const n = Number(s);
    if (!/^\d+$/.test(s) || n < 1 || n > 256) throw new UsageError(`--cpu: '${s}' is not a GOMAXPROCS from 1 to 256`);
    return n;
  });
  const protocols = [...new Set((values.protocol ?? 'lock,atomic').split(',').map((p) => {
    if (!PROTOCOLS.includes(p as Protocol)) throw new UsageError(`--protocol: '${p}' is not lock or atomic`);
    return p as Protocol;
  }))];
  let benchtime: Benchtime;
  try {
    benchtime = parseBenchtime(values.benchtime ?? '1s');
  } catch (err) {
    if (err instanceof BenchtimeError) throw new UsageError(`--benchtime: ${err.message}`);
    throw err;
  }
  let re: RegExp;
  try {
    re = new RegExp(values.bench ?? '.');
  } catch (err) {
    throw new UsageError(`--bench: ${(err as Error).message}`);
  }
  const benches = BENCHES.filter((b) => re.test(b.name));
  if (benches.length === 0) throw new UsageError(`--bench '${re.source}' matches no benchmark`);
  const goPath = values.go ? findGo() : undefined;
  if (values.go && goPath === undefined) throw new UsageError("--go: no 'go' executable on the PATH");
  if (values.go && values['go-test'] !== undefined) throw new UsageError('--go and --go-test both name where Go\'s figures come from: give one');
  let goTest: { file: string; version: string } | undefined;
  if (values['go-test'] !== undefined) {
    const file = values['go-test'];
    notEmpty('--go-test', file, 'a test binary');
    try {
      goTest = { file, version: checkGoTestBinary(file, RTBENCH_TEST_BUILD) };
    } catch (err) {
      throw new UsageError(`--go-test: ${(err as Error).message}`);
    }
  }

  const say = (s: string) => (values.json ? process.stderr : process.stdout).write(s);
  say(headerLines('gosched/runtime').join('\n') + '\n');
  const width = nameWidth(benches.map((b) => benchName(b.name, Math.max(...cpus))));
  const results: RuntimeResult[] = [];
  for (const b of benches) {
    for (const procs of cpus) {
      for (const protocol of protocols) {
        const r = await measure(b, protocol, procs, benchtime);
        results.push(r);
        say(`${resultLine(benchName(b.name, procs), r.n, r.nsPerOp, width)}\tprotocol=${protocol}\n`);
      }
    }
  }
  if (goPath !== undefined || goTest !== undefined) {
    say(`running Go's figures: ${goTest ? `${goTest.file} (${goTest.version})` : 'go test -bench'} (${benches.map((b) => b.name).join(', ')})\n`);
    const lines = goTest
      ? (await runGoTestBinary(goTest.file, goTest.version, benches.map((b) => b.name), cpus, values.benchtime ?? '1s', 1, () => {})).lines
      : await goFigures(goPath!, benches, cpus, values.benchtime ?? '1s');
    for (const { base: name, procs, n, nsPerOp } of lines) {
      results.push({ name, protocol: 'go', procs, n, nsPerOp });
      say(`${resultLine(benchName(name, procs), n, nsPerOp, width)}\tgo\n`);
    }
  }
  if (values.json) process.stdout.write(JSON.stringify({ results }, null, 2) + '\n');
  return 0;
}

/** Grows n as Go's testing package does until one run lasts the benchtime. */
async function measure(b: Bench, protocol: Protocol, procs: number, bt: Benchtime): Promise<RuntimeResult> {
  const once = async (n: number) => (await runProgram(BODIES, b.body, { protocol, gomaxprocs: procs, args: b.args(n) })) as number;
  if (bt.kind === 'count') return { name: b.name, protocol, procs, n: bt.n, nsPerOp: (await once(bt.n)) / bt.n };
  let n = 1;
  let ns = await once(n);
  while (ns < bt.ns && n < 1e9) {
    const perOp = Math.max(ns / n, 1);
    n = Math.max(Math.min(Math.ceil((bt.ns * 1.2) / perOp), 100 * n), n + 1);
    ns = await once(n);
  }
  return { name: b.name, protocol, procs, n, nsPerOp: ns / n };
}

async function goFigures(goPath: string, benches: Bench[], cpus: number[], benchtime: string): Promise<ParsedLine[]> {
  const dir = scratchDir('gosched-rtbench-');
  try {
    const src = fileURLToPath(new URL('../../../src/rtbench/gobench.go.txt', import.meta.url));
    fs.copyFileSync(src, path.join(dir, 'rtbench_test.go'));
    fs.writeFileSync(path.join(dir, 'go.mod'), 'module rtbench\n\ngo 1.18\n');
    const args = ['test', '-run', 'NONE', '-bench', `^(${benches.map((b) => b.name).join('|')})$`, '-cpu', cpus.join(','), '-benchtime', benchtime];
    const r = await runCapture(goPath, args, dir);
    if (r.code !== 0) throw new ToolError(`go test failed (exit ${r.code}):\n${r.out}${r.err}`);
    return parseBenchLines(r.out);
  } finally {
    removeScratch(dir);
  }
}
