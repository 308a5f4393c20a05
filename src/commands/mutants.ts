// gosched mutants: see src/mutants/.
import { NeedsDevInstall } from '../explore/engine/load.js';
import { MUTANTS } from '../mutants/catalogue.js';
import { type MutantResult, caughtBy, runMutant } from '../mutants/run.js';
import { markdownTable } from '../mutants/report.js';
import { DependencyError, UsageError, parse, nonNegativeInt, positiveInt, refuseUnused } from './usage.js';

/** A day. Each stress run's child gets (seconds + 60) s before it is killed, a timer that
 * Node caps at 2^31 - 1 ms: past it the timer fired at once, the stress was killed at its
 * start, and every mutant was reported caught by it (exit 0). */
const MAX_STRESS_SECONDS = 86_400;

export const help = `usage: gosched mutants [--only IDS] [--stress-runs N] [--stress-seconds S]
                       [--preemptions K] [--no-stress] [--no-explore] [--markdown] [--json]
       gosched mutants --list [--json]

Mutation testing of src/sched: each mutant of the catalogue (src/mutants/catalogue.ts,
${MUTANTS.length} one-line slips, each with the mistake it stands for) is applied to a copy
of the built dist/src, and the explorer (gosched explore, on the copy's scheduler) and
the stress (gosched stress, run from the copy) run on it under each protocol the changed
line runs in. Prints which check caught which mutant and how fast (schedules until the
explorer's first failure; stress runs that failed). The whole catalogue takes several
minutes. Needs the typescript package, as gosched explore does (without it, exit 4,
unless --no-explore; under --json, with the error as one JSON object, kind "dependency").
Exits 0 when every mutant is caught under every protocol, 1 otherwise, 2 on bad usage.

options:
  --only IDS           comma-separated mutant ids (default: all)
  --stress-runs N      stress runs per mutant and protocol (default: 1)
  --stress-seconds S   whole seconds per stress run, at most ${MAX_STRESS_SECONDS} (default: 3)
  --preemptions K      the explorer's preemption bound (default: 2)
  --no-stress          run only the explorer
  --no-explore         run only the stress
  --list               list the catalogue and exit (with --json, as an array of
                       { id, protocol, stands })
  --markdown           print the results as a Markdown table (the README's)
  --json               print one JSON document
  -h, --help           show this help
`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    only: { type: 'string' },
    'stress-runs': { type: 'string' },
    'stress-seconds': { type: 'string' },
    preemptions: { type: 'string' },
    'no-stress': { type: 'boolean' },
    'no-explore': { type: 'boolean' },
    list: { type: 'boolean' },
    markdown: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  // An option the run would not use is refused, naming it, rather than dropped.
  if (values.list) refuseUnused(values, ['only', 'stress-runs', 'stress-seconds', 'preemptions', 'no-stress', 'no-explore', 'markdown'], '--list prints the catalogue (with --json as JSON)');
  if (values['no-stress']) refuseUnused(values, ['stress-runs', 'stress-seconds'], '--no-stress runs no stress');
  if (values['no-stress'] && values['no-explore']) throw new UsageError('--no-stress and --no-explore leave nothing to run: give one');
  if (values['no-explore']) refuseUnused(values, ['preemptions'], '--no-explore runs no explorer');
  // --json promises one JSON document on stdout: a Markdown table beside it, or in its place, breaks that.
  if (values.markdown && values.json) throw new UsageError('--markdown and --json are two formats of the results: give one');
  if (values.list) {
    // --json holds here too: every command's --json output is one JSON document.
    if (values.json) process.stdout.write(`${JSON.stringify(MUTANTS.map((m) => ({ id: m.id, protocol: m.protocol, stands: m.stands })))}\n`);
    else for (const m of MUTANTS) process.stdout.write(`${m.id.padEnd(32)} ${m.protocol.padEnd(6)} ${m.stands}\n`);
    return 0;
  }
  let chosen = MUTANTS;
  if (values.only !== undefined) {
    const ids = values.only.split(',').map((x) => x.trim());
    for (const id of ids) if (!MUTANTS.some((m) => m.id === id)) throw new UsageError(`--only: no mutant '${id}' (see gosched mutants --list)`);
    chosen = MUTANTS.filter((m) => ids.includes(m.id));
  }
  const stressRuns = values['no-stress'] ? 0 : positiveInt('stress-runs', values['stress-runs'], 1);
  const stressSeconds = positiveInt('stress-seconds', values['stress-seconds'], 3);
  if (stressSeconds > MAX_STRESS_SECONDS) throw new UsageError(`--stress-seconds must be at most ${MAX_STRESS_SECONDS} (a day), got ${stressSeconds}`);
  const preemptions = values['no-explore'] ? -1 : nonNegativeInt('preemptions', values.preemptions, 2);
  const results: MutantResult[] = [];
  try {
    for (const m of chosen) {
      results.push(...await runMutant(m, {
        stressRuns, stressSeconds, preemptions,
        progress: values.json || values.markdown ? undefined : (line) => process.stdout.write(`${line}\n`),
      }));
    }
  } catch (err) {
    if (!(err instanceof NeedsDevInstall)) throw err;
    throw new DependencyError(`mutants: ${err.message}; --no-explore runs the stress alone`);
  }
  const missed = results.filter((r) => !r.caught);
  if (values.markdown) {
    process.stdout.write(`${markdownTable(results)}\n`);
  } else if (values.json) {
    process.stdout.write(`${JSON.stringify({ ok: missed.length === 0, results: results.map((r) => ({ ...r, caughtBy: caughtBy(r) })) }, null, 2)}\n`);
  } else {
    process.stdout.write(`\n${results.length - missed.length} of ${results.length} (mutant, protocol) pairs caught` +
      `${missed.length ? `; missed: ${missed.map((r) => `${r.id} (${r.protocol})`).join(', ')}` : ''}\n`);
  }
  return missed.length === 0 ? 0 : 1;
}
