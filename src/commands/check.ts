// `gosched check MODEL.pml`: explicit-state verification of a Promela model, reporting
// what SPIN's pan reports (see src/check/).
import { basename } from 'node:path';
import { ModelError, formatModelError } from '../check/errors.js';
import { readModel, compileModel } from '../check/model.js';
import { replay } from '../check/replay.js';
import { formatVerdict, verdict } from '../check/report.js';
import { search } from '../check/search.js';
import { writeTrail } from '../check/trail.js';
import { parse, positiveInt, UsageError } from './usage.js';

export const help = `usage: gosched check [options] MODEL.pml

Explores every reachable state of a Promela model (safety: assertions and invalid end
states) like SPIN 6.5.2's pan compiled with -DSAFETY -DNOREDUCE from 'spin -o1 -o2 -o3 -a',
and reports pan's figures: states stored and matched, transitions, atomic steps, depth.
Stops at the first error, prints the counterexample step by step (as 'spin -t -p' does)
and writes it to a trail file for 'gosched replay'.

options:
  --json           print one JSON object on stdout and nothing else there
  --max-depth N    depth bound, as pan's -m (default 10000); moves cut there count as
                   matched states and a warning says the bound was hit
  --trail FILE     where to write the trail of an error
                   (default: <model file name>.trail in the current directory)
  --memlim MB      stop cleanly, with the figures so far, once the state store and
                   search stack need more than MB megabytes (default 4096)
  --help           this text

exit status: 0 no error, 1 the model has an error, 2 bad input or usage, 3 the search
stopped at --memlim before it was complete (no error found in the part explored).
A progress line goes to stderr every million stored states.

Promela accepted: #define/#if/#ifdef/#else/#endif, comments; bit bool byte short int pid
mtype chan and arrays, typedef; inline; proctype, active [N], init, run, _pid, _nr_pr;
if/do/else/break/goto/labels, atomic, d_step, assert, printf, skip, timeout; channels
(global, buffered or rendezvous) with !, ?, eval(), ?[..], len/empty/full/nempty/nfull;
end/progress/accept labels (end-state check only); hidden/local/show, xr/xs ignored.
Not supported (named in the error): never claims and ltl, unless, sorted send (!!),
random receive (??), ?<..>, select/for, unsigned, local channel declarations,
priorities, provided, c_code and friends, goto inside d_step.
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    json: { type: 'boolean' },
    'max-depth': { type: 'string' },
    trail: { type: 'string' },
    memlim: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, true);
  if (values.help) { process.stdout.write(help); return 0; }
  quietOnClosedPipe();
  if (positionals.length !== 1) throw new UsageError(`check needs exactly one model file, got ${positionals.length} (see 'gosched check --help')`);
  const file = positionals[0]!;
  const maxDepth = positiveInt('max-depth', values['max-depth'], 10000);
  const memlim = positiveInt('memlim', values.memlim, 4096);
  const model = loadOrExplain(file);
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

/** Loads and compiles a model; any mistake in it becomes a UsageError with a caret. */
export function loadOrExplain(file: string) {
  let source = '';
  try {
    source = readModel(file);
    return compileModel(file, source);
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
