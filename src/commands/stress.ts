// gosched stress: see src/stress/stress.ts.
import { PROTOCOLS, type Protocol } from '../sched/index.js';
import { MAX_STRESS_THREADS } from '../stress/words.js';
import { formatStress, runStress, type StressReport } from '../stress/stress.js';
import { UsageError, parse, nonNegativeInt, positiveInt } from './usage.js';

const MAX_SEED = 2 ** 32 - 1;

export const help = `usage: gosched stress [--protocol lock|atomic|lock,atomic] [--threads N] [--seconds S]
                      [--pairs N] [--seed N] [--stall S] [--json]

Runs the scheduler under load on real threads. N worker goroutines, each on its own
worker thread (M), mix system calls of every length (none, a short spin, a real blocking
Atomics.wait), gosched, parking (readied by another goroutine, with the scheduler's own
park and ready) and starting short-lived goroutines. At the same time one controller
goroutine stops and starts the world (and sets GOMAXPROCS while it is stopped), another
moves GOMAXPROCS between phases with spare cpus and phases with a full run queue and
changes the profiling rate, and the owning thread sets GOMAXPROCS from outside.

A sampler thread checks the commit's two monitor invariants whenever nobody holds
schedlock, and the protocol's purpose: at no consistent snapshot do more goroutines
execute Go code than mcpumax allows, counting as exempt only those whose stint began
before the latest lowering of mcpumax (see the README). The controller checks that no
other goroutine runs while the world is stopped. At the end every counter (mcpu,
mcpumax, waitstop, gwaiting, gwait, grunning, gcount, mwait, mcount, the lock cell)
must be back to its exact expected value, and every scheduler path the run must reach
(each slow path, each branch, each wake-up; fast paths derived as calls minus slow-path
entries) must have been reached at least once (a short run on a loaded machine can miss one, and
says which: give it more --seconds or --pairs). A watchdog ends a run that stops making
progress and reports where each thread is. Exits 0 when every run passes, 1 otherwise,
2 on bad usage.

options:
  --protocol P   lock (every syscall takes schedlock), atomic (the commit's CAS fast
                 paths), or both, comma-separated, run one after the other
                 (default: lock,atomic)
  --threads N    worker goroutines/threads, 1..${MAX_STRESS_THREADS} (default: 4)
  --seconds S    how long the workers go on, per protocol (default: 3)
  --pairs N      operations each worker does at least, however soon the time is up
                 (default: 0)
  --seed N       seed of every goroutine's random choices, 1 to ${MAX_SEED} (default: 1)
  --stall S      whole seconds without progress before the watchdog fails the run
                 (default: 5)
  --json         print one JSON object: a run's report for one protocol, or
                 {"ok": bool, "runs": [report, ...]} for several
  -h, --help     show this help
`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    protocol: { type: 'string' },
    threads: { type: 'string' },
    seconds: { type: 'string' },
    pairs: { type: 'string' },
    seed: { type: 'string' },
    stall: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  const protocols = parseProtocols(values.protocol ?? 'lock,atomic');
  const threads = positiveInt('threads', values.threads, 4);
  if (threads > MAX_STRESS_THREADS) throw new UsageError(`--threads must be at most ${MAX_STRESS_THREADS}, got ${threads}`);
  const seconds = positiveNumber('seconds', values.seconds, 3);
  const minOps = nonNegativeInt('pairs', values.pairs, 0);
  const seed = positiveInt('seed', values.seed, 1);
  // The generators keep 32 bits of the seed: 4294967297 was seed 1's run, reported as another.
  if (seed > MAX_SEED) throw new UsageError(`--seed must be at most ${MAX_SEED} (the generators' 32 bits), got ${seed}`);
  const stallSeconds = positiveInt('stall', values.stall, 5);

  const reports: StressReport[] = [];
  for (const protocol of protocols) {
    const r = await runStress({
      protocol, threads, seconds, minOps, seed, stallSeconds,
      progress: values.json ? undefined : (line) => process.stderr.write(`${line}\n`),
    });
    reports.push(r);
    if (!values.json) process.stdout.write(`${formatStress(r)}\n`);
  }
  const ok = reports.every((r) => r.ok);
  if (values.json) {
    const doc = reports.length === 1 ? reports[0] : { ok, runs: reports };
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  }
  return ok ? 0 : 1;
}

function positiveNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(n > 0)) throw new UsageError(`--${name} must be a positive number of seconds, got '${text}'`);
  return n;
}

export function parseProtocols(text: string): Protocol[] {
  const list = text.split(',').map((p) => p.trim());
  for (const p of list) {
    if (!(PROTOCOLS as readonly string[]).includes(p)) {
      throw new UsageError(`--protocol must be lock, atomic, or both comma-separated; got '${p}'`);
    }
  }
  return [...new Set(list)] as Protocol[];
}
