// gosched stress: see src/stress/stress.ts.
import os from 'node:os';
import { PROTOCOLS, type Protocol } from '../sched/index.js';
import { MAX_STRESS_THREADS } from '../stress/words.js';
import { formatStress, runStress, type StressReport } from '../stress/stress.js';
import { UsageError, parse, positiveInt } from './usage.js';

export const help = `usage: gosched stress [--protocol lock|atomic|lock,atomic] [--threads N] [--pairs N] [--json]

Runs the scheduler under load on real threads: N worker goroutines, each on its own
worker thread (M), do --pairs entersyscall/exitsyscall pairs, calling the scheduler
(gosched) every 1000 pairs, while a controller goroutine repeatedly stops and starts
the world and sets GOMAXPROCS to values between 1 and N, and a sampler thread checks
the commit's two monitor invariants whenever nobody holds schedlock. Then it checks
that every pair was done and that every counter (mcpu, mcpumax, waitstop, gwaiting,
gwait, grunning, gcount, mwait, mcount, the lock cell) is exactly back to its expected
value. A watchdog ends a run that stops making progress and reports where each thread
is. Exits 0 when every run passes, 1 otherwise.

options:
  --protocol P   lock (every syscall takes schedlock), atomic (the commit's CAS fast
                 paths), or both, comma-separated, run one after the other
                 (default: lock,atomic)
  --threads N    worker goroutines/threads, 1..${MAX_STRESS_THREADS} (default: max(4, cores))
  --pairs N      syscall pairs per worker (default: 200000)
  --stall S      seconds without progress before the watchdog fails the run (default: 15)
  --json         print one JSON object: a run's report for one protocol, or
                 {"ok": bool, "runs": [report, ...]} for several
  -h, --help     show this help
`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    protocol: { type: 'string' },
    threads: { type: 'string' },
    pairs: { type: 'string' },
    stall: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  const protocols = parseProtocols(values.protocol ?? 'lock,atomic');
  const threads = positiveInt('threads', values.threads, Math.max(4, os.availableParallelism()));
  if (threads > MAX_STRESS_THREADS) throw new UsageError(`--threads must be at most ${MAX_STRESS_THREADS}, got ${threads}`);
  const pairs = positiveInt('pairs', values.pairs, 200_000);
  const stallSeconds = positiveInt('stall', values.stall, 15);

  const reports: StressReport[] = [];
  for (const protocol of protocols) {
    const r = await runStress({
      protocol, threads, pairs, stallSeconds,
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

export function parseProtocols(text: string): Protocol[] {
  const list = text.split(',').map((p) => p.trim());
  for (const p of list) {
    if (!(PROTOCOLS as readonly string[]).includes(p)) {
      throw new UsageError(`--protocol must be lock, atomic, or both comma-separated; got '${p}'`);
    }
  }
  return [...new Set(list)] as Protocol[];
}
