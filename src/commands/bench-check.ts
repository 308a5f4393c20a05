// `gosched bench-check`: the model checker against SPIN on the commit's model.
import { existsSync } from 'node:fs';
import { benchCheck, BenchCheckError, defaultModel, formatBenchCheck } from '../bench/check-vs-spin.js';
import { parse, positiveInt, UsageError } from './usage.js';

export const help = `usage: gosched bench-check [MODEL] [--json] [--runs N] [--max-depth N]

Times gosched's model checker ('gosched check') against SPIN on a Promela model, by
default the commit's model ../shared/seed/proc.p beside the repository.

Ours: 'check MODEL --json' in a child process, N times: model-to-verdict wall time, the
search time it reports (elapsedSeconds), peak resident memory (by /usr/bin/time, when
present) and the state counts.
SPIN, when spin and gcc are on PATH, N times in a temporary directory:
  spin -o1 -o2 -o3 -a MODEL && gcc -O2 -DSAFETY -DNOREDUCE -o pan pan.c && ./pan -mN
timed together (model to verdict), pan's own elapsed time (search), pan's peak memory
and its counts (errors, states stored and matched, transitions, atomic steps,
depth reached). The counts must be equal; the report says MISMATCH if they are not.
Without SPIN it reports ours only, and says so. Times are medians of the runs.

options:
  --runs N        runs of each checker (default 3)
  --max-depth N   search depth bound, pan's -m (default 500000, as proc.p needs)
  --json          print one JSON object instead of the table
  -h, --help      this text

exit status: 0 when the counts match (or SPIN was not run), 1 on a MISMATCH or when a
checker fails to run, 2 on bad usage.
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    json: { type: 'boolean' },
    runs: { type: 'string' },
    'max-depth': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, true);
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`bench-check takes at most one model, got ${positionals.length}`);
  const model = positionals[0] ?? defaultModel();
  if (!existsSync(model)) throw new UsageError(`model not found: ${model}`);
  const runs = positiveInt('runs', values.runs, 3);
  const maxDepth = positiveInt('max-depth', values['max-depth'], 500000);
  let result;
  try {
    result = await benchCheck({ model, runs, maxDepth, log: (line) => process.stderr.write(`${line}\n`) });
  } catch (err) {
    if (!(err instanceof BenchCheckError)) throw err;
    process.stderr.write(`gosched: bench-check: ${err.message}\n`);
    return 1;
  }
  process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : formatBenchCheck(result));
  return result.mismatches.length > 0 ? 1 : 0;
}
