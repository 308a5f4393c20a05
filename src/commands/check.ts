// `gosched check MODEL.pml`: explicit-state verification of a Promela model, reporting
// what SPIN's pan reports (see src/check/).
import { basename } from 'node:path';
import { ModelError, formatModelError } from '../check/errors.js';
import { readModel, compileModel } from '../check/model.js';
import { replay } from '../check/replay.js';
import { formatVerdict, verdict } from '../check/report.js';
import { search } from '../check/search.js';
import { livenessSearch, type LivenessMode } from '../check/liveness.js';
import type { ClaimOptions } from '../check/model.js';
import { writeTrail } from '../check/trail.js';
import { parse, positiveInt, UsageError } from './usage.js';

export const help = `usage: gosched check [options] MODEL.pml

Explores every reachable state of a Promela model (safety: assertions and invalid end
states) like SPIN 6.5.2's pan compiled with -DSAFETY -DNOREDUCE from 'spin -o1 -o2 -o3 -a',
and reports pan's figures: states stored and matched, transitions, atomic steps, depth.
Stops at the first error, prints the counterexample step by step (as 'spin -t -p' does)
and writes it to a trail file for 'gosched replay'.

With a never claim or ltl formulas in the model, the claim (for an ltl formula: the
claim of its negation, built here) moves in lockstep with the system, as in pan compiled
with -DNOREDUCE (no -DSAFETY): assertions and a claim that reaches its end are errors,
invalid end states are not checked; --accept looks for acceptance cycles (pan -a),
--non-progress for cycles that pass no progress label (pan -l, pan built with -DNP),
--fair restricts either to weakly fair runs (pan -f). A cycle's trail holds the path
to the cycle and the cycle, marked <<<<<START OF CYCLE>>>>> in the listing.

options:
  --json           print one JSON object on stdout and nothing else there
  --max-depth N    depth bound, as pan's -m (default 10000); moves cut there count as
                   matched states and a warning says the bound was hit
  --trail FILE     where to write the trail of an error
                   (default: <model file name>.trail in the current directory)
  --memlim MB      stop cleanly, with the figures so far, once the state store and
                   search stack need more than MB megabytes (default 4096)
  --accept         acceptance cycles through accept labels of the claim or the
                   processes (pan -a); without a claim, through the processes'
                   accept labels (not for models that use timeout)
  --non-progress   non-progress cycles (pan -l); the model must have no claim
  --fair           weak fairness, with --accept or --non-progress (pan -f)
  --ltl NAME       check the ltl formula NAME (default: the first), as pan -N NAME
  --help           this text

exit status: 0 no error, 1 the model has an error, 2 bad input or usage, 3 the search
stopped at --memlim before it was complete (no error found in the part explored).
A progress line goes to stderr every million stored states.

Promela accepted: #define/#if/#ifdef/#else/#endif, comments; bit bool byte short int pid
mtype chan and arrays, typedef; inline; proctype, active [N], init, run, _pid, _nr_pr;
if/do/else/break/goto/labels, atomic, d_step, assert, printf, skip, timeout; channels
(global, buffered or rendezvous) with !, ?, eval(), ?[..], len/empty/full/nempty/nfull;
end/progress/accept labels; never claims; ltl blocks ([] <> X U W V ! && || -> <->,
true, false); remote references proc[pid]@label and proc[pid]:var; np_ in claims;
hidden/local/show, xr/xs ignored.
Not supported (named in the error): --accept without a claim in a model that uses
timeout, trace/notrace, several never claims, unless, sorted send (!!),
random receive (??), ?<..>, select/for, unsigned, local channel declarations,
priorities, provided, c_code and friends, goto inside d_step.
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    json: { type: 'boolean' },
    'max-depth': { type: 'string' },
    trail: { type: 'string' },
    memlim: { type: 'string' },
    accept: { type: 'boolean' },
    'non-progress': { type: 'boolean' },
    fair: { type: 'boolean' },
    ltl: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, true);
  if (values.help) { process.stdout.write(help); return 0; }
  quietOnClosedPipe();
  if (positionals.length !== 1) throw new UsageError(`check needs exactly one model file, got ${positionals.length} (see 'gosched check --help')`);
  const file = positionals[0]!;
  const maxDepth = positiveInt('max-depth', values['max-depth'], 10000);
  const memlim = positiveInt('memlim', values.memlim, 4096);
  if (values.accept && values['non-progress']) throw new UsageError('--accept and --non-progress exclude each other (as pan -a and -l)');
  if (values.fair && !values.accept && !values['non-progress']) throw new UsageError('--fair needs --accept or --non-progress (as pan -f needs -a or -l)');
  const model = loadOrExplain(file, { ltl: values.ltl, nonProgress: values['non-progress'] });
  if (model.machine.claimType >= 0) {
    const mode: LivenessMode = values['non-progress'] ? 'non-progress' : values.accept ? 'accept' : 'safety';
    return runLiveness(model, file, mode, !!values.fair, maxDepth, memlim, values.trail, !!values.json);
  }
  // pan -a without a claim: acceptance cycles through the processes' accept labels; with
  // none, pan ignores -a and the search is the safety one.
  if (values.accept && model.machine.acceptPc.some((t) => t.includes(1))) {
    if (model.machine.usesTimeout) throw new UsageError(`${file}: --accept without a never claim or ltl formula is not supported for a model that uses timeout`);
    return runLiveness(model, file, 'accept', !!values.fair, maxDepth, memlim, values.trail, !!values.json);
  }
  const result = search(model.machine, {
    maxDepth,
    memLimitBytes: memlim * 1048576,
    progress: (line) => process.stderr.write(line + '\n'),
  });
  let trailFile: string | null = null;
  if (result.error) {
    trailFile = values.trail ?? `${basename(file)}.trail`;
    writeTrail(trailFile, basename(file), result.error.message, result.error.steps);
    if (!values.json) {
      process.stdout.write(`gosched: found ${result.error.message}, counterexample of ${result.error.steps.length} steps:\n`);
      const outcome = replay(model.machine, basename(file), result.error.steps, (s) => process.stdout.write(s));
      if (!outcome.error) process.stdout.write(`gosched: ${result.error.message} at the state reached\n`);
    }
  }
  const v = verdict(basename(file), result, maxDepth, trailFile);
  const { errorDepth: _depth, ...fields } = v;
  process.stdout.write(values.json ? JSON.stringify(fields) + '\n' : formatVerdict(v));
  // A search cut short by --memlim verified nothing about the rest of the state space:
  // a script must not take it for a pass.
  return result.error ? 1 : result.memoryLimitHit ? 3 : 0;
}

function runLiveness(model: ReturnType<typeof loadOrExplain>, file: string, mode: LivenessMode, fair: boolean,
  maxDepth: number, memlim: number, trail: string | undefined, json: boolean): number {
  const result = livenessSearch(model.machine, {
    maxDepth, memLimitBytes: memlim * 1048576, mode, fairness: fair,
    progress: (line) => process.stderr.write(line + '\n'),
  });
  let trailFile: string | null = null;
  const err = result.error;
  if (err) {
    trailFile = trail ?? `${basename(file)}.trail`;
    const claim = mode === 'non-progress' ? 'non-progress' : model.claim.ltlName !== null ? `ltl ${model.claim.ltlName}` : model.machine.claimType >= 0 ? 'never' : null;
    writeTrail(trailFile, basename(file), err.message, err.steps, err.cycleStart, claim);
    if (!json) {
      process.stdout.write(`gosched: found ${err.message}, counterexample of ${err.steps.length} steps${err.cycleStart !== null ? ` (the cycle starts after step ${err.cycleStart})` : ''}:\n`);
      replay(model.machine, basename(file), err.steps, (s) => process.stdout.write(s), err.cycleStart);
    }
  }
  const v = verdict(basename(file), result, maxDepth, trailFile);
  const { errorDepth: _depth, ...fields } = v;
  const extra = {
    search: mode, fairness: fair, ltl: model.claim.ltlName, transitions: result.transitions,
    statesVisited: result.statesVisited, cycleStart: err?.cycleStart ?? null,
  };
  if (json) process.stdout.write(JSON.stringify({ ...fields, ...extra }) + '\n');
  else {
    const head = mode === 'safety' ? 'never claim (assertions, claim end)' : mode === 'accept' ? 'acceptance cycles' : 'non-progress cycles';
    process.stdout.write(`search: ${head}, fairness ${fair ? 'enabled' : 'disabled'}${model.claim.ltlName ? `, ltl ${model.claim.ltlName}` : ''}\n`);
    process.stdout.write(formatVerdict({ ...v, transitions: result.transitions }).replace(' states, stored\n', result.statesVisited !== result.statesStored ? ` states, stored (${result.statesVisited} visited)\n` : ' states, stored\n'));
  }
  return err ? 1 : result.memoryLimitHit ? 3 : 0;
}

/** Loads and compiles a model; any mistake in it becomes a UsageError with a caret. */
export function loadOrExplain(file: string, opts: ClaimOptions = {}) {
  let source = '';
  try {
    source = readModel(file);
    return compileModel(file, source, opts);
  } catch (e) {
    if (e instanceof ModelError) throw new UsageError(formatModelError(e, file, source));
    throw e;
  }
}

/** `gosched check ... | head` closes stdout early; that is not an error worth a stack. */
export function quietOnClosedPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
