// `gosched bench-check`: the model checker against SPIN on the commit's model.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { benchCheck, BenchCheckError, defaultModel, formatBenchCheck, repoRoot, type BenchCheckResult, type LivenessBench } from '../bench/check-vs-spin.js';
import { notStdin, optionFlag, parse, positiveInt, UsageError } from './usage.js';
import { loadOrExplain } from './check.js';
import { removeScratch, scratchDir } from '../scratch.js';

export const help = `usage: gosched bench-check [MODEL] [--json] [--runs N] [--max-depth N] [--atomic] [--large]
                           [--liveness] [--only ROWS] [--vectorsz N]

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

With --atomic, a row follows for models/spin/bench/atomic_long.pml (max depth 500000):
111,151 states reached through 117,596,384 steps inside atomic sequences (loops of about
400 steps that are never stored), so its ratio is that of the time per atomic step.

With --large, a row follows for models/spin/bench/pegs_large.pml (max depth 10000):
656,711 states of a 696-byte state vector (pan's figure; proc.p's is 100 bytes), most of
it tables that never change once set up, so its ratio is that of the time per state
where copying, hashing and comparing the vector dominate.

With --liveness, two more rows follow the safety one, each an acceptance-cycle search
with weak fairness ('check --accept --fair' against pan built without -DSAFETY and run
with -a -f): the largest model of models/liveness (by SPIN's states stored under -a -f,
among the models pan verifies completely, with no error, so that the search covers the
whole product; today filter_lock_4, 542,793 states), with the depth bound of its
expected file's pan command, and models/gosched-wired.pml with LIVENESS 1 and the
property that stoptheworld returns (models/liveness-wired, ltl stw), with max depth
1000000. Both get the never claim SPIN
built for their ltl formula (kept in the expected files), written into the model, so
that both checkers search the same product and the counts must be equal.

options:
  --runs N        runs of each checker (default 3)
  --atomic        add the long-atomic-sequences row
  --large         add the large-state-vector row
  --liveness      add the two liveness rows
  --only ROWS     run only these rows, comma-separated: safety (MODEL), atomic,
                  large, suite (the liveness suite's model), wired (gosched-wired);
                  naming atomic, large, suite or wired stands for its option;
                  without safety, MODEL, --max-depth and --vectorsz are refused
  --max-depth N   MODEL's search depth bound, pan's -m (default 500000, as proc.p
                  needs; the other rows have theirs, said above)
  --vectorsz N    build pan with -DVECTORSZ=N (for MODEL's row only), for a model
                  whose state vector is larger than pan's default bound of 1024
                  bytes (pan stops at once there, and bench-check says so); a bound
                  of pan's build: no count depends on it. Ours needs no such option.
                  At most 16777216.
  --json          print one JSON object instead of the table (an array of the
                  rows' objects when more than one row runs); when a checker
                  fails to run, {"error": {"kind": "checker", "message"}, "exitCode": 1}
  -h, --help      this text

The atomic, large and liveness rows read models of the repository (models/), so they need a
checkout of gosched; the npm package ships none, and there they are refused (exit 2).

exit status: 0 when the counts match (or SPIN was not run), 1 on a MISMATCH or when a
checker fails to run, 2 on bad usage or a MODEL that 'gosched check' refuses (said as
check says it, with its place, before anything runs).
`;

/** gosched check's own bound on the state vector, and so the largest pan build compared. */
const MAX_VECTORSZ = 16 * 1024 * 1024;

/** The models each extra row reads from the repository checkout; the npm package ships none. */
const ROW_MODELS: Record<string, string[]> = {
  atomic: ['models/spin/bench/atomic_long.pml'],
  large: ['models/spin/bench/pegs_large.pml'],
  suite: ['models/liveness'],
  wired: ['models/gosched-wired.pml', 'models/liveness-wired/properties.json', 'models/liveness-wired/expected.json'],
};

/** Why the rows asked for cannot run in this install (a model missing), or null. */
export function missingRepositoryModels(rows: ReadonlySet<string>, root: string = repoRoot()): string | null {
  for (const row of rows) {
    const absent = (ROW_MODELS[row] ?? []).find((p) => !existsSync(join(root, p)));
    if (absent !== undefined) {
      return `the ${row} row reads ${absent} from a checkout of the gosched repository, and ${join(root, absent)} is not there (the npm package ships no models)`;
    }
  }
  return null;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    json: { type: 'boolean' },
    runs: { type: 'string' },
    'max-depth': { type: 'string' },
    liveness: { type: 'boolean' },
    atomic: { type: 'boolean' },
    large: { type: 'boolean' },
    vectorsz: { type: 'string' },
    only: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, true);
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`bench-check takes at most one model, got ${positionals.length}`);
  // Every option is read before any file is looked for, so that a mistake in one is named
  // as such even where the default model is absent (an npm install).
  const runs = positiveInt('runs', values.runs, 3);
  const maxDepth = positiveInt('max-depth', values['max-depth'], 500000);
  const vectorSize = values.vectorsz === undefined ? undefined : positiveInt('vectorsz', values.vectorsz, 1024);
  // Far larger, gcc cannot link pan (its static tables outgrow x86-64's small code model).
  if (vectorSize !== undefined && vectorSize > MAX_VECTORSZ) throw new UsageError(`--vectorsz must be at most ${MAX_VECTORSZ} (16 MiB, the largest state vector gosched check takes), got ${vectorSize}`);
  const rows = onlyRows(values.only, values.atomic === true, values.liveness === true, values.large === true);
  if (positionals[0] !== undefined) notStdin('MODEL', positionals[0], false); // read by every run
  // The checkers run in a scratch directory: a relative path must not depend on it.
  const model = resolve(positionals[0] ?? defaultModel());
  // Only the safety row reads MODEL: `--only suite` runs without proc.p.
  if (rows.has('safety') && !existsSync(model)) {
    throw new UsageError(positionals[0] !== undefined ? `model not found: ${model}`
      : `model not found: ${model} (the default MODEL, the commit's proc.p beside a checkout of gosched: give a model, or --only rows that need none)`);
  }
  const missing = missingRepositoryModels(rows);
  if (missing !== null) throw new UsageError(missing);
  // The other rows have their models and depth bounds fixed: what only the safety row
  // reads is refused without it rather than dropped (after what cannot run here at all).
  if (!rows.has('safety')) {
    const given = [...(positionals[0] !== undefined ? ['MODEL'] : []), ...(['max-depth', 'vectorsz'] as const).filter((o) => values[o] !== undefined).map(optionFlag)];
    if (given.length > 0) throw new UsageError(`--only ${values.only} runs no safety row, the one that reads MODEL: ${given.join(', ')} does not apply`);
  }
  // A model the checker refuses is the user's mistake, said with its place (as check says
  // it, exit 2), before anything is timed: not 'a checker failed to run' (exit 1).
  if (rows.has('safety')) loadOrExplain(model);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const results: BenchCheckResult[] = [];
  const scratch = scratchDir('bench-live-');
  try {
    if (rows.has('safety')) results.push(await benchCheck({ model, runs, maxDepth, log, ...(vectorSize !== undefined ? { vectorSize } : {}) }));
    if (rows.has('atomic')) results.push(await benchCheck({ model: join(repoRoot(), 'models', 'spin', 'bench', 'atomic_long.pml'), runs, maxDepth: 500000, log }));
    if (rows.has('large')) results.push(await benchCheck({ model: join(repoRoot(), 'models', 'spin', 'bench', 'pegs_large.pml'), runs, maxDepth: 10000, log }));
    if (rows.has('suite') || rows.has('wired')) {
      const [suite, wired] = livenessRows(scratch);
      if (rows.has('suite')) results.push(await benchCheck({ ...suite!, runs, log }));
      if (rows.has('wired')) results.push(await benchCheck({ ...wired!, runs, log }));
    }
  } catch (err) {
    if (!(err instanceof BenchCheckError)) throw err;
    process.stderr.write(`gosched: bench-check: ${err.message}\n`);
    // --json promises one JSON document on stdout whatever the outcome.
    if (values.json) process.stdout.write(`${JSON.stringify({ error: { kind: 'checker', message: err.message }, exitCode: 1 })}\n`);
    return 1;
  } finally {
    removeScratch(scratch);
  }
  if (values.json) process.stdout.write(`${JSON.stringify(results.length > 1 ? results : results[0])}\n`);
  else process.stdout.write(results.map(formatBenchCheck).join('\n'));
  return results.some((r) => r.mismatches.length > 0) ? 1 : 0;
}

/** The rows of the table, in its order. */
export const BENCH_ROWS = ['safety', 'atomic', 'large', 'suite', 'wired'] as const;
export type BenchRow = typeof BENCH_ROWS[number];

/**
 * The rows to run: those --only names (in the table's order, whatever order they are
 * named in), or without it the safety row and those --atomic, --large and --liveness add.
 */
export function onlyRows(only: string | undefined, atomic: boolean, liveness: boolean, large = false): Set<BenchRow> {
  if (only === undefined) {
    const rows = new Set<BenchRow>(['safety']);
    if (atomic) rows.add('atomic');
    if (large) rows.add('large');
    if (liveness) { rows.add('suite'); rows.add('wired'); }
    return rows;
  }
  const names = only.split(',').map((x) => x.trim()).filter((x) => x !== '');
  if (names.length === 0) throw new UsageError(`--only: no row named (rows: ${BENCH_ROWS.join(', ')})`);
  for (const x of names) {
    if (!(BENCH_ROWS as readonly string[]).includes(x)) throw new UsageError(`--only: unknown row '${x}' (rows: ${BENCH_ROWS.join(', ')})`);
  }
  return new Set(BENCH_ROWS.filter((r) => names.includes(r)));
}

/**
 * The model of a liveness suite directory that the benchmark searches: the one with the
 * most states stored in its `af` run (pan -a -f) among those pan verifies completely. A
 * model where pan stops at the first error searches only part of its product, so its
 * time says little about the search (accept_labels_only stops after 9,998 states).
 */
export function largestCompleteLivenessModel(suite: string): { name: string; stored: number; claim: string | null; maxDepth: number } {
  let best = { name: '', stored: -1, claim: null as string | null, maxDepth: 10000 };
  for (const f of readdirSync(suite).filter((x) => x.endsWith('.expected.json')).sort()) {
    const e = JSON.parse(readFileSync(join(suite, f), 'utf8')) as { spinClaim: string | null; runs: { mode: string; errors: number; statesStored: number; command: string }[] };
    const af = e.runs.find((r) => r.mode === 'af' && r.errors === 0);
    if (af && af.statesStored > best.stored) {
      // pan's depth bound for the run, as regen.mjs wrote it into the command (-mN).
      const depth = / -m(\d+)\b/.exec(af.command);
      best = { name: f.slice(0, -'.expected.json'.length), stored: af.statesStored, claim: e.spinClaim, maxDepth: depth ? Number(depth[1]) : 10000 };
    }
  }
  if (best.name === '') throw new BenchCheckError(`no model in ${suite} has a complete -a -f run (an 'af' run with no error)`);
  return best;
}

/** The liveness rows: the suite's largest model, and gosched-wired with a property. */
function livenessRows(scratch: string): { model: string; maxDepth: number; liveness: LivenessBench }[] {
  const root = repoRoot();
  const suite = join(root, 'models', 'liveness');
  const best = largestCompleteLivenessModel(suite);
  // The model with its ltl blocks blanked and SPIN's claim in their place.
  const withClaim = (text: string, claim: string | null) =>
    claim === null ? text : `${text.replace(/^ltl\b[^{]*\{[^}]*\}/gm, (m) => m.replace(/[^\n]/g, ' '))}\n${claim}`;
  const suiteFile = join(scratch, `${best.name}.pml`);
  writeFileSync(suiteFile, withClaim(readFileSync(join(suite, `${best.name}.pml`), 'utf8'), best.claim));
  const spec = JSON.parse(readFileSync(join(root, 'models', 'liveness-wired', 'properties.json'), 'utf8')) as {
    variants: Record<string, { find: string; with: string }[]>;
  };
  let wired = readFileSync(join(root, 'models', 'gosched-wired.pml'), 'utf8');
  for (const r of spec.variants['atomic']!) wired = wired.replace(r.find, r.with);
  const runs = (JSON.parse(readFileSync(join(root, 'models', 'liveness-wired', 'expected.json'), 'utf8')) as { runs: { variant: string; property: string; claim: string }[] }).runs;
  const claim = runs.find((r) => r.variant === 'atomic' && r.property === 'stw')!.claim;
  const wiredFile = join(scratch, 'gosched-wired-stw.pml');
  writeFileSync(wiredFile, `${wired}\n${claim}`);
  return [
    { model: suiteFile, maxDepth: best.maxDepth, liveness: { ltl: null, fair: true } },
    { model: wiredFile, maxDepth: 1000000, liveness: { ltl: null, fair: true } },
  ];
}
