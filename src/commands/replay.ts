// `gosched replay MODEL.pml TRAIL`: replays a trail written by `gosched check`.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ModelError } from '../check/errors.js';
import { atAccept, canMove, replay, stuckProcesses } from '../check/replay.js';
import { parseAnyTrail } from '../check/trail.js';
import { resolvePanTrail } from '../check/pan-trail.js';
import { traceIncomplete } from '../check/event-trace.js';
import { loadOrExplain, quietOnClosedPipe, refuseDevice } from './check.js';
import { notStdin, parse, UsageError } from './usage.js';

export const help = `usage: gosched replay MODEL.pml TRAIL

Replays a trail written by 'gosched check' (lines 'step:pid:transition' after a
'# gosched trail' header) or by SPIN's pan (MODEL.pml.trail: 'depth:pid:t_id'), listing
each step as 'spin -t -p' does: step, process, file:line, state, statement, then the
variables it changed; 'Starting P with pid N' and 'proc N terminates' as spin prints
them; printf output appears as it executes. Ends with the violated assertion, the
invalid end state or (a trail that check --accept wrote for one) the accept stutter, and
'spin: trail ends after N steps'.
pan's t_id numbers pan's own transitions by SPIN's element numbers: the moves are
recovered from the processes named on each line, those with pan's number first (the
first sequence of moves that follows every line and ends where the trail ends). State
numbers are SPIN's (the statement's element number, as spin -t -p prints it), with its
'<valid end state>' on end-labelled statements. Not as spin -t -p: a d_step is one line
here (spin lists its inner statements under the same step number), and the final
listing of globals and process states is not printed (the processes stuck at an invalid
end state are, with SPIN's state numbers).
A gosched trail found with a claim (never, ltl, --non-progress) replays the claim's moves
too, with the same claim (the trail's '# claim:' line says which); a cycle's trail marks
where the cycle starts (<<<<<START OF CYCLE>>>>>) and says whether the last state is the
state the cycle started in; so does pan -a's trail of a model without a claim (its
'-1:-1:-1' line; pan's trails with a never claim or -l are not read).

exit status: 1 when the trail ends in an error or a cycle, 0 when it does not, 2 bad input
(a trail file that is missing or empty, and a trail that does not fit the model: one
that cannot be followed, or a gosched trail that ends without the error its header
records), 4 an internal error.

options:
  -h, --help   this text
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) { process.stdout.write(help); return 0; }
  quietOnClosedPipe();
  if (positionals.length !== 2) throw new UsageError(`replay needs a model file and a trail file (see 'gosched replay --help')`);
  const [file, trailFile] = positionals as [string, string];
  notStdin('MODEL', file);
  notStdin('TRAIL', trailFile);
  refuseDevice(file);
  const recorded = trailHeader(trailFile);
  // A gosched trail is written for an error: reaching its end without one means it was
  // found on another model (or another version of this one), not that this one is safe.
  const misfit = (steps: number) => new UsageError(`${trailFile}${recorded.model !== null ? `, written for ${recorded.model},` : ''} ends after ${steps} steps without its error (${recorded.error}) in ${basename(file)}: the trail does not fit this model`);
  try {
    const trail = parseAnyTrail(recorded.text, trailFile);
    const claim = trail.pan ? null : trail.claim;
    const cycleStart = trail.cycleStart;
    const model = loadOrExplain(file, {
      ltl: claim?.startsWith('ltl ') ? claim.slice(4) : undefined, nonProgress: claim === 'non-progress',
    });
    const steps = trail.pan ? resolvePanTrail(model.machine, trail.pids, trail.tids) : trail.steps;
    const outcome = replay(model.machine, basename(file), steps, (s) => process.stdout.write(s), cycleStart);
    process.stdout.write(`spin: trail ends after ${outcome.steps} steps\n`);
    if (outcome.error) return 1;
    if (cycleStart !== null) {
      process.stdout.write(outcome.cycleCloses
        ? `gosched: the trail ends in a cycle: the last state is the state after step ${cycleStart}\n`
        : `gosched: the trail's cycle does not close: the last state differs from the state after step ${cycleStart}\n`);
      return 1;
    }
    const m = model.machine;
    if (m.claimType >= 0) {
      // With a claim, invalid end states are not errors (as in pan); its end is.
      const c = m.claimOff, pc = outcome.state[c + 1]! | outcome.state[c + 2]! << 8;
      if (m.endPc[m.claimType]![pc] === 1) { process.stdout.write('gosched: end state in claim reached\n'); return 1; }
      if (recorded.error !== null) throw misfit(steps.length);
      process.stdout.write(`gosched: trail ends after ${steps.length} steps without an error\n`);
      return 0;
    }
    // Found by --accept without a claim: a state no process can move from, with one at an
    // accept label, is an accepting run that stutters, at a valid end state or not (pan).
    if (recorded.error === 'accept stutter' && atAccept(m, outcome.state) && !canMove(m, outcome.state, outcome.len)) {
      process.stdout.write('gosched: accept stutter\n');
      return 1;
    }
    const stuck = stuckProcesses(model.machine, outcome.state);
    // pan looks at the trace only once every process is at an end state.
    const traceOpen = stuck.length === 0 && traceIncomplete(m.trace, outcome.state);
    if ((stuck.length > 0 || traceOpen) && !canMove(model.machine, outcome.state, outcome.len)) {
      process.stdout.write(`gosched: invalid end state${traceOpen ? ' (event_trace not completed)' : ''}\n${stuck.map((s) => `\t${s}\n`).join('')}`);
      return 1;
    }
    if (recorded.error !== null) throw misfit(steps.length);
    process.stdout.write(`gosched: trail ends after ${steps.length} steps without an error\n`);
    return 0;
  } catch (e) {
    if (e instanceof ModelError) throw new UsageError(e.message);
    throw e;
  }
}

/** The trail file's text, read once (a pipe, /dev/stdin, can be read only once), and what
 * a gosched trail's header records (the model it was found on, its error); pan's trails
 * have no header. A trail file that cannot be read, or is empty, is refused here, saying
 * why. */
function trailHeader(trailFile: string): { text: string; model: string | null; error: string | null } {
  let text: string;
  try {
    const st = statSync(trailFile);
    if (st.isDirectory()) throw new UsageError(`${trailFile}: cannot read the trail file (a folder)`);
    // Reading /dev/zero would never end; a pipe is read.
    if (st.isCharacterDevice() || st.isBlockDevice()) throw new UsageError(`${trailFile}: cannot read the trail file (a device)`);
    // An editor's byte order mark hid a gosched trail's header: the file was read as pan's.
    text = readFileSync(trailFile, 'utf8').replace(/^\uFEFF/, '');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`${trailFile}: cannot read the trail file (${code === 'ENOENT' ? 'no such file' : code ?? (err as Error).message})`);
  }
  if (text.trim() === '') throw new UsageError(`${trailFile}: the trail file is empty`);
  if (!text.startsWith('# gosched trail')) return { text, model: null, error: null };
  return { text, model: /^# model: (.+?)\s*$/m.exec(text)?.[1] ?? null, error: /^# error: (.+?)\s*$/m.exec(text)?.[1] ?? null };
}
