// `gosched run FILE [args]`: a Go program. Runs FILE's exported `main(args)` as the main
// goroutine with GOMAXPROCS from the environment, and ends as a Go program does: exit 0
// when main returns (whatever goroutines are still running), exit 2 with Go's report on
// a panic ("panic: ...") or a fatal error ("fatal error: all goroutines are asleep -
// deadlock!"), every thread stopped.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from './usage.js';
import { run as runProgram, gomaxprocsFromEnv } from '../runtime/program.js';
import { GoroutinePanic, ProgramExit, SchedulerError } from '../runtime/runtime.js';
import { formatGoroutines } from '../runtime/dump.js';
import { PROTOCOLS, type Protocol } from '../sched/index.js';
import { panicText } from '../runtime/panic-text.js';
import { DISCARD_VALUE } from '../runtime/abort.js';
import { showValue } from '../runtime/show-value.js';
import { syntaxErrorPlace } from '../runtime/syntax-place.js';
import { DEFAULT_MAXG, DEFAULT_MAXM, TABLE_MAX } from '../runtime/options.js';
import { HEAP_MIN_ROOM, heapReservedBytes } from '../runtime/heap.js';

export const help = `usage: gosched run FILE [args...]

Runs the ES module FILE's exported function main as the main goroutine: main(args),
with args the strings after FILE. Everything a goroutine uses comes from 'gosched':
go, chan, select, WaitGroup, Mutex, Once, syscall, sleep, gosched, GOMAXPROCS,
NumGoroutine.

The program ends as a Go program does:
  exit 0  when main returns, whatever goroutines are still running
  exit N  a goroutine called process.exit(N), as Go's os.Exit(N)
  exit 2  a goroutine threw ("panic: <message>" and its goroutine and stack on stderr),
          or FILE's top-level code did (Go's panic during init), or a fatal error:
          "fatal error: all goroutines are asleep - deadlock!" when every goroutine is
          blocked on channels, WaitGroups, Mutexes or select, then each goroutine with
          its id, what it waits on and its function
  exit 2  also for a mistake before the program starts, said without a stack: a FILE
          that is missing, does not parse (its line and a caret, as node --check shows
          them) or has no exported main, an option before FILE other than --help, a bad
          value in the environment below

options (before FILE; everything after FILE is main's args):
  -h, --help         show this help
  --                 the end of the options: the next argument is FILE, even if it
                     starts with a dash

environment:
  GOMAXPROCS         goroutines executing at once (default 1, as in Go of 2011)
  GOSCHED_PROTOCOL   lock or atomic (default atomic: the commit's)
  GOSCHED_HEAP_MB    shared heap for channels and values in flight, in MiB from 1 to
                     2047 (default 256); a value sent may take up to half of it
  GOSCHED_MAXM       threads (M's), each started goroutine holds one to its end
                     (default ${DEFAULT_MAXM}, at most ${TABLE_MAX}); past it goroutines wait for a free one,
                     and if every M holds a goroutine blocked for ever the deadlock
                     report says to raise GOSCHED_MAXM
  GOSCHED_MAXG       goroutines alive at once, queued ones included (default ${DEFAULT_MAXG},
                     at most ${TABLE_MAX}); go() past it panics saying to raise GOSCHED_MAXG
`;

export async function run(argv: string[]): Promise<number> {
  const code = await runFile(argv);
  // As a Go program's: the process ends now, whatever is still running or pending.
  process.exit(code);
}

async function runFile(argv: string[]): Promise<number> {
  // `--` ends the options, as everywhere: `gosched run -- -odd-name.mjs`.
  const ended = argv[0] === '--';
  const [file, ...args] = ended ? argv.slice(1) : argv;
  if (file === undefined) throw new UsageError(`run: missing FILE\n\n${help}`);
  if (!ended && (file === '--help' || file === '-h')) {
    process.stdout.write(help);
    return 0;
  }
  if (file === '-') throw new UsageError(`run: FILE '-': a program is not read from standard input; name its module file`);
  if (!ended && file.startsWith('-')) {
    throw new UsageError(`run: unknown option '${file}': gosched run takes FILE [args...] (what follows FILE goes to main), and its settings from the environment (GOMAXPROCS, GOSCHED_PROTOCOL, GOSCHED_HEAP_MB, GOSCHED_MAXM, GOSCHED_MAXG)`);
  }
  const abs = path.resolve(file);
  if (!fs.existsSync(abs)) throw new UsageError(`run: no such file: ${file}`);
  const st = fs.statSync(abs);
  if (st.isDirectory()) throw new UsageError(`run: ${file} is a directory; FILE is an ES module with an exported main`);
  // Node's loader opens a module by its path again: a pipe (/dev/stdin) was "cannot load
  // ... ENOENT" of a /proc path the user never typed.
  if (!st.isFile()) throw new UsageError(`run: ${file} is not a regular file (a pipe or a device); FILE is an ES module with an exported main`);
  let gomaxprocs: number;
  try {
    gomaxprocs = gomaxprocsFromEnv();
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const protocol = (process.env.GOSCHED_PROTOCOL || 'atomic') as Protocol;
  if (!PROTOCOLS.includes(protocol)) throw new UsageError(`GOSCHED_PROTOCOL=${protocol}: must be lock or atomic`);
  // Decimal digits only, as GOSCHED_MAXM and GOSCHED_MAXG (Number() would take ' 8' or '0x8').
  const heapMb = envInt('GOSCHED_HEAP_MB', 256, 2047);
  // The Runtime's maxm and maxg, which a program run here has no other way to set: the
  // messages that say to raise them name these instead (tableHint).
  const maxm = envInt('GOSCHED_MAXM', DEFAULT_MAXM, TABLE_MAX);
  const maxg = envInt('GOSCHED_MAXG', DEFAULT_MAXG, TABLE_MAX);
  const leastMb = Math.ceil((heapReservedBytes(maxg) + HEAP_MIN_ROOM) / 1048576);
  if (heapMb < leastMb) throw new UsageError(`GOSCHED_HEAP_MB=${heapMb} is too small for GOSCHED_MAXG=${maxg}: the heap keeps per-goroutine state for every G row; give at least ${leastMb}`);
  const url = pathToFileURL(abs).href;
  // Loaded here first (run() finds it loaded) so that a module that cannot load is the
  // user's mistake, said as one: a syntax error is a usage error, as a Go compile error
  // would be; a throw from its top-level code is Go's panic during init (exit 2).
  let mod: Record<string, unknown>;
  try {
    mod = (await import(url)) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof SyntaxError || (err as { code?: unknown }).code !== undefined) {
      throw new UsageError(`run: cannot load ${file}: ${(err as Error).message}${syntaxErrorPlace(err, url)}`);
    }
    const { message, stack } = panicText(err, `${file} (top-level code)`);
    printPanic(message, 1, stack);
    return 2;
  }
  if (typeof mod.main !== 'function') {
    const fns = Object.keys(mod).filter((k) => typeof mod[k] === 'function');
    const what = 'main' in mod ? `: its main is ${showValue(mod.main)}` : fns.length > 0 ? `; its exported functions: ${fns.join(', ')}` : '';
    throw new UsageError(`run: ${file} has no exported function main (export function main(args) { ... })${what}`);
  }
  try {
    await runProgram(url, 'main', { [DISCARD_VALUE]: true, args: [args], gomaxprocs, protocol, heapBytes: heapMb * 1024 * 1024, maxm, maxg });
    return 0;
  } catch (err) {
    if (err instanceof GoroutinePanic) {
      printPanic(tableHint(err.message.replace(/^goroutine \d+ \[.*?\] panicked: /, '')), err.goid, err.goroutineStack);
      return 2;
    }
    if (err instanceof ProgramExit) return err.status;
    if (err instanceof SchedulerError) {
      process.stderr.write(`fatal error: ${tableHint(err.message.replace(/^m\d+: /, ''))}\n\n${formatGoroutines(err.goroutines)}`);
      return 2;
    }
    throw err;
  }
}

/** An environment variable holding an integer from 1 to max, or `fallback` when unset. */
function envInt(name: string, fallback: number, max: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) throw new UsageError(`${name}=${v}: must be an integer from 1 to ${max}`);
  return Number(v);
}

/** The scheduler's "raise maxm" (a deadlock of full M's) and "raise maxg" (go() past the G
 * table) name the Runtime's options; under gosched run they are these variables. */
function tableHint(message: string): string {
  return message
    .replace(/(M's hold blocked goroutines; raise) maxm\)$/, '$1 GOSCHED_MAXM)')
    .replace(/^(cannot create goroutine: all \d+ G slots are in use \(raise) maxg\)$/, '$1 GOSCHED_MAXG)');
}

/** A panic as Go prints it: the value, then the goroutine that panicked and its stack. */
function printPanic(message: string, goid: number, stack: string): void {
  process.stderr.write(`panic: ${message}\n\ngoroutine ${goid} [running]:\n${stack}\n`);
}

