// `gosched bench`: the commit's benchmarks, old protocol ("lock": every entersyscall/exitsyscall
// takes schedlock) against new ("atomic": CAS fast paths), interleaved in one run; the server
// benchmark; optionally Go's own runtime benchmarks of the same names; a chart.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { notEmpty, outputDir, parse, positiveInt, refuseUnused, UsageError } from './usage.js';
import { parseBenchtime, formatBenchtime, BenchtimeError, type Benchtime } from '../bench/benchtime.js';
import { headerLines, nameWidth, resultLine, benchName, type ParsedLine } from '../bench/format.js';
import { formatTable, tableLines } from '../bench/table.js';
import { chartSvg, panelsFromRows } from '../bench/chart.js';
import { checkGoTestBinary, findGo, runGoBench, runGoTestBinary } from '../bench/gobench.js';
import { formatProfile, profileChild } from '../bench/profile.js';
import { MICRO_BENCHMARKS } from '../bench/micro.js';
import { SERVER_DEFAULT, formatRUS } from '../bench/server.js';
import { runSuite, tableRows, serverSummary, type Row, type ServerRow } from '../bench/suite.js';
import type { Protocol } from '../runtime/runtime.js';
import { piecesTo, progressFor } from '../bench/progress.js';

export const SERVER_NAME = 'BenchmarkServer';

function defaultCpus(): number[] {
  const n = Math.min(4, os.availableParallelism());
  return Array.from({ length: n }, (_, i) => i + 1);
}

export const help = `usage: gosched bench [options]
       gosched bench pool [options]   (gosched against piscina and tinypool: 'gosched bench pool --help')

Runs the benchmarks of Go commit 025abd5 ("runtime: faster entersyscall, exitsyscall") on
this scheduler, under the old protocol ("lock": every entersyscall/exitsyscall takes
schedlock) and the new one ("atomic": compare-and-swap fast paths), INTERLEAVED: for each
benchmark and GOMAXPROCS, a lock run then an atomic run, repeated --count times. Prints Go
benchmark-format lines (benchstat reads them: 'benchstat -col protocol bench.txt', or
'benchstat old.txt new.txt') and a comparison table of the MEDIAN ns/op of each cell, then
the server benchmark's real/user/sys seconds per protocol. Progress (b.N as it grows) is one
line on stderr, rewritten in place, when stderr is a terminal; in a pipe or a file there is
none, and stdout holds only the results.

Benchmarks (select with --bench, a regular expression):
  BenchmarkSyscall            GOMAXPROCS goroutines; batches of 1000 enter/exit pairs, gosched per batch
  BenchmarkSyscallWork        the same with 100 steps of foo *= 2; foo /= 2 inside each pair
  BenchmarkSyscallExcess      4 goroutines per proc (exits compete for cpu slots: the slow path)
  BenchmarkSyscallExcessWork  the same with the work
  ${SERVER_NAME.padEnd(26)}  ${SERVER_DEFAULT.goroutines} goroutines doing stat+read of small files between bursts of computation,
                              at GOMAXPROCS = the largest --cpu; real/user/sys from process.resourceUsage();
                              a fixed ${SERVER_DEFAULT.requests} requests per goroutine (--benchtime does not apply,
                              --count repeats it)

'gosched bench runtime --help': the goroutine API's benchmarks (go, channels, Mutex).

options:
  --cpu LIST         GOMAXPROCS values, like go test -cpu (default 1..min(4, cores): ${defaultCpus().join(',')})
  --protocol LIST    lock,atomic (default both; the table needs both)
  --benchtime T      run each benchmark until it lasts T: 1s, 500ms, ... or Nx for exactly N
                     iterations (default 1s; at most 24h or 1000000000x); b.N grows as in
                     Go's testing package
  --count N          repeat each benchmark N times (default 1)
  --bench REGEX      which benchmarks (default .)
  --json             print one JSON document on stdout (the result lines go to stderr)
  --out DIR          where results.json, bench.txt, old.txt, new.txt, go.txt and chart.svg are
                     written (default bench-results/)
  --go               also run Go's own runtime benchmarks of the same names
                     (go test -run NONE -bench ... -cpu ... runtime) as a third column;
                     needs a Go toolchain on the PATH
  --go-test FILE     as --go, from a runtime test binary built beforehand with
                     'go test -c -o FILE runtime' (for a machine without Go)
  --cpu-prof         instead of the table: run the atomic BenchmarkSyscall at -cpu 1 once in
                     a child 'node --cpu-prof' (every thread profiled), write the .cpuprofile
                     files to DIR/cpu-prof/ and print the busiest thread's heaviest functions;
                     it takes --benchtime, --out and --json, and refuses the other options
  -h, --help         this help

exit status: 0; 1 when a benchmark has no result (a --- FAIL line) or the server's
responses did not check out; 2 bad usage; 4 when Go's side of --go or --go-test fails
(go test, or the binary, exits with an error or runs no benchmark of these names: what it
printed follows the message on stderr).
`;

const OPTIONS = {
  cpu: { type: 'string' },
  protocol: { type: 'string' },
  benchtime: { type: 'string' },
  count: { type: 'string' },
  bench: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string' },
  go: { type: 'boolean' },
  'go-test': { type: 'string' },
  'cpu-prof': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type BenchArgs = {
  cpus: number[]; protocols: Protocol[]; benchtime: Benchtime; benchtimeText: string; count: number;
  bench: RegExp; json: boolean; out: string; go: boolean; goTest: string | undefined; cpuProf: boolean; help: boolean;
};

/** Parses and checks the command line; user mistakes throw UsageError. */
export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values: v } = parse(argv, OPTIONS);
  let cpus = defaultCpus();
  if (v.cpu !== undefined) {
    const parts = v.cpu.split(',').map((s) => s.trim());
    if (parts.some((p) => !/^\d+$/.test(p) || Number(p) < 1 || Number(p) > 256)) {
      throw new UsageError(`--cpu must be a comma-separated list of integers from 1 to 256, got '${v.cpu}'`);
    }
    cpus = parts.map(Number);
  }
  let protocols: Protocol[] = ['lock', 'atomic'];
  if (v.protocol !== undefined) {
    const parts = v.protocol.split(',').map((s) => s.trim());
    for (const p of parts) if (p !== 'lock' && p !== 'atomic') throw new UsageError(`--protocol must be lock, atomic or lock,atomic, got '${v.protocol}'`);
    protocols = (['lock', 'atomic'] as const).filter((p) => parts.includes(p));
  }
  let benchtime: Benchtime;
  const benchtimeText = v.benchtime ?? '1s';
  try {
    benchtime = parseBenchtime(benchtimeText);
  } catch (e) {
    if (e instanceof BenchtimeError) throw new UsageError(`--benchtime: ${e.message}`);
    throw e;
  }
  let bench: RegExp;
  try {
    bench = new RegExp(v.bench ?? '.');
  } catch {
    throw new UsageError(`--bench: invalid regular expression '${v.bench}'`);
  }
  // --cpu-prof runs one fixed benchmark (its help says which): an option that would choose
  // another is refused rather than silently dropped.
  if (v['cpu-prof'] && v.help !== true) {
    refuseUnused(v, ['cpu', 'protocol', 'count', 'bench', 'go', 'go-test'], '--cpu-prof profiles the atomic BenchmarkSyscall at -cpu 1, once (it takes --benchtime, --out and --json)');
  }
  if (v.go === true && v['go-test'] !== undefined) throw new UsageError('--go and --go-test both name where Go\'s figures come from: give one');
  return {
    cpus, protocols, benchtime, benchtimeText, count: positiveInt('count', v.count, 1), bench,
    json: v.json ?? false, out: v.out ?? 'bench-results', go: v.go ?? false, goTest: v['go-test'], cpuProf: v['cpu-prof'] ?? false, help: v.help ?? false,
  };
}

export async function run(argv: string[]): Promise<number> {
  if (argv[0] === 'pool') return (await import('./bench-pool.js')).run(argv.slice(1));
  // `gosched bench runtime`: the goroutine API's benchmarks (channels, Mutex, go).
  if (argv[0] === 'runtime') return (await import('./bench-runtime.js')).run(argv.slice(1));
  const a = parseBenchArgs(argv);
  if (a.help) {
    process.stdout.write(help);
    return 0;
  }
  // Progress: one line in place when stderr is a terminal, none otherwise (progress.ts).
  const live = progressFor(process.stderr);
  const progress = piecesTo(live);
  if (a.cpuProf) {
    outputDir('--out', a.out);
    return cpuProf(a, progress);
  }

  // Every check of what was typed comes before --out is made: a refused run leaves nothing.
  const benches = MICRO_BENCHMARKS.filter((b) => a.bench.test(b.name));
  const server = a.bench.test(SERVER_NAME);
  if (benches.length === 0 && !server) throw new UsageError(`--bench '${a.bench.source}' matches no benchmark (try 'gosched bench --help')`);
  let goPath: string | undefined;
  if (a.go) {
    goPath = findGo();
    if (goPath === undefined) throw new UsageError('--go: Go isn\'t found: no \'go\' executable on the PATH (install a Go toolchain, e.g. apt-get install golang-go)');
  }
  let goTest: { file: string; version: string } | undefined;
  if (a.goTest !== undefined) {
    notEmpty('--go-test', a.goTest, 'a test binary');
    try { goTest = { file: a.goTest, version: checkGoTestBinary(a.goTest) }; } catch (e) { throw new UsageError(`--go-test: ${(e as Error).message}`); }
  }
  outputDir('--out', a.out);

  const out: string[] = [];   // stdout, unless --json
  // Results go to stdout (or, with --json, stderr) as lines of their own: the live progress
  // line is taken away first, so that a result never lands after half a status.
  const say = (s: string) => {
    live.clear();
    if (a.json) process.stderr.write(s);
    else { out.push(s); process.stdout.write(s); }
  };
  const txt: Record<Protocol, string[]> = { lock: [], atomic: [] };
  const all: string[] = [];
  const names = benches.flatMap((b) => a.cpus.map((p) => benchName(b.name, p)));
  const width = nameWidth(names);
  const header = headerLines('gosched');
  say(header.join('\n') + '\n');
  say(`benchtime: ${formatBenchtime(a.benchtime)}\n`);
  all.push(...header);
  let lastProtocol = '';
  let failed = 0;
  const onRow = (r: Row) => {
    const lines: string[] = [];
    if (r.protocol !== lastProtocol) lines.push(`protocol: ${r.protocol}`);
    lastProtocol = r.protocol;
    if (r.failed !== undefined) {
      failed++;
      lines.push(`--- FAIL: ${r.name} (${r.protocol})`, `    ${r.failed}`);
    } else {
      const line = resultLine(r.name, r.iterations, r.nsPerOp, width);
      lines.push(line);
      txt[r.protocol].push(line);
    }
    all.push(...lines);
    say(lines.join('\n') + '\n');
  };
  const serverProcs = Math.max(...a.cpus);
  const result = await runSuite({
    cpus: a.cpus, protocols: a.protocols, benchtime: a.benchtime, count: a.count, benches,
    server: server ? SERVER_DEFAULT : null, serverProcs, progress, onRow,
  });

  // Go's column: from `go test` (--go) or a test binary built beforehand (--go-test).
  const goNames = benches.map((b) => b.name);
  const g = benches.length === 0 ? undefined
    : goPath !== undefined ? await runGoBench(goPath, goNames, a.cpus, a.benchtimeText, a.count, progress)
    : goTest !== undefined ? await runGoTestBinary(goTest.file, goTest.version, goNames, a.cpus, a.benchtimeText, a.count, progress)
    : undefined;
  const goLines: ParsedLine[] = g?.lines ?? [];
  const goInfo = g === undefined ? undefined : { version: g.version, text: g.text };

  live.done();
  const rows = tableRows(result.rows, goLines);
  const both = a.protocols.length === 2;
  let tableText = '';
  if (benches.length > 0 && both) {
    tableText = formatTable(rows);
    say(`\nold = lock (schedlock on every entersyscall/exitsyscall), new = atomic (CAS fast paths); median of ${a.count} run${a.count > 1 ? 's' : ''} per cell, interleaved${goInfo ? `; go = ${goInfo.version}, runtime package` : ''}\n`);
    say(tableText);
  }
  const summary = serverSummary(result.server);
  if (server) {
    say(`\nserver benchmark (${SERVER_DEFAULT.goroutines} goroutines x ${SERVER_DEFAULT.requests} requests of stat+read, GOMAXPROCS=${serverProcs}; median of ${a.count}):\n`);
    for (const p of a.protocols) {
      const s = summary[p];
      if (s) say(`  ${(p === 'lock' ? 'old (lock)' : 'new (atomic)').padEnd(13)} ${formatRUS(s)}\n`);
    }
  }

  // Files.
  fs.mkdirSync(a.out, { recursive: true });
  const files: Record<string, string> = {};
  const write = (name: string, content: string) => { const p = path.join(a.out, name); fs.writeFileSync(p, content); files[name] = p; };
  write('bench.txt', all.join('\n') + '\n');
  if (txt.lock.length) write('old.txt', [...header, 'protocol: lock', ...txt.lock].join('\n') + '\n');
  if (txt.atomic.length) write('new.txt', [...header, 'protocol: atomic', ...txt.atomic].join('\n') + '\n');
  if (goInfo) write('go.txt', goInfo.text);
  if (benches.length > 0) {
    write('chart.svg', chartSvg(panelsFromRows(rows), `ns/op (median) against GOMAXPROCS; ${os.cpus()[0]?.model.trim() ?? ''}, ${os.availableParallelism()} cores, Node ${process.version}`));
  }
  const doc = {
    command: 'gosched bench',
    goos: header[0]!.slice(6), goarch: header[1]!.slice(8), cpu: header[3]!.slice(5),
    cores: os.availableParallelism(), node: process.version,
    benchtime: formatBenchtime(a.benchtime), count: a.count, cpus: a.cpus, protocols: a.protocols,
    center: 'median',
    results: result.rows.map((r) => ({ benchmark: r.benchmark, name: r.name, procs: r.procs, protocol: r.protocol, run: r.run, iterations: r.iterations, nsPerOp: r.nsPerOp, growth: r.growth, ...(r.failed !== undefined ? { failed: r.failed } : {}) })),
    table: both ? tableLines(rows).map((l) => ({
      name: l.name, procs: l.procs, old: l.old, new: l.new, delta: l.delta, newOverOld: Number.isFinite(l.old) && Number.isFinite(l.new) ? l.new / l.old : null,
      ...(goInfo ? { go: Number.isFinite(l.go) ? l.go : null, newOverGo: Number.isFinite(l.go) ? l.new / l.go : null } : {}),
    })) : [],
    go: goInfo ? { version: goInfo.version, results: goLines.map((g) => ({ benchmark: g.base, name: g.name, procs: g.procs, iterations: g.n, nsPerOp: g.nsPerOp })) } : null,
    server: server ? {
      config: SERVER_DEFAULT, gomaxprocs: serverProcs,
      runs: result.server.map((r: ServerRow) => ({ protocol: r.protocol, run: r.run, real: r.real, user: r.user, sys: r.sys, requests: r.requests, errors: r.errors })),
      summary,
    } : null,
    files: { ...files, 'results.json': path.join(a.out, 'results.json') },
  };
  write('results.json', JSON.stringify(doc, null, 2) + '\n');
  if (a.json) process.stdout.write(JSON.stringify(doc) + '\n');
  process.stderr.write(`\nwrote ${Object.values(doc.files).join(', ')}\n`);
  const serverErrors = result.server.reduce((n, r) => n + r.errors, 0);
  if (serverErrors > 0) process.stderr.write(`server benchmark: ${serverErrors} responses did not check out\n`);
  return failed > 0 || serverErrors > 0 ? 1 : 0;
}

async function cpuProf(a: BenchArgs, progress: (s: string) => void): Promise<number> {
  const dir = path.resolve(a.out, 'cpu-prof');
  const cli = fileURLToPath(new URL('../cli.js', import.meta.url));
  const sums = await profileChild(cli, ['bench', '--bench', '^BenchmarkSyscall$', '--cpu', '1', '--protocol', 'atomic', '--benchtime', a.benchtimeText, '--count', '1', '--out', path.join(dir, 'run')], dir, progress);
  if (sums.length === 0) throw new Error('the profiled run wrote no .cpuprofile');
  if (a.json) {
    process.stdout.write(JSON.stringify({ command: 'gosched bench --cpu-prof', benchmark: 'BenchmarkSyscall', procs: 1, protocol: 'atomic', profiles: sums }) + '\n');
  } else {
    process.stdout.write(`atomic BenchmarkSyscall (-cpu 1) under V8's profiler; the busiest thread first (open the .cpuprofile files in Chrome DevTools):\n\n`);
    process.stdout.write(formatProfile(sums[0]!));
    process.stdout.write(`\nother threads: ${sums.slice(1).map((s) => path.basename(s.file)).join(', ') || 'none'}\n`);
  }
  return 0;
}
