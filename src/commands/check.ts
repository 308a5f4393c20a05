// `gosched check MODEL.pml`: explicit-state verification of a Promela model, reporting
// what SPIN's pan reports (see src/check/).
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { ModelError, formatModelError, includedPath } from '../check/errors.js';
import { readModel, compileModel } from '../check/model.js';
import { replay } from '../check/replay.js';
import { formatVerdict, verdict } from '../check/report.js';
import { search } from '../check/search.js';
import { livenessSearch, type LivenessMode } from '../check/liveness.js';
import { warmUpLiveness } from '../check/warm-up.js';
import type { ClaimOptions } from '../check/model.js';
import { writeTrail } from '../check/trail.js';
import { notStdin, parse, positiveInt, UsageError, writableFile } from './usage.js';

/** -k's bound. pan takes any k and spends k hash steps on every state: -k1000000000 was a
 * check that never ended on a four-state model. 64 is far past any setting in use (pan's
 * default is 3) and keeps a state's cost within a few microseconds. */
const MAX_K = 64;

export const help = `usage: gosched check [options] MODEL.pml

Explores every reachable state of a Promela model (safety: assertions and invalid end
states) like SPIN 6.5.2's pan compiled with -DSAFETY -DNOREDUCE from 'spin -o1 -o2 -o3 -a',
and reports pan's figures: states stored and matched, transitions, atomic steps, depth
(the state vector's size is gosched's own packed layout's, smaller than pan's).
Stops at the first error, prints the counterexample step by step (as 'spin -t -p' does)
and writes it to a trail file for 'gosched replay'.

With a never claim or ltl formulas in the model, the claim (for an ltl formula: the
claim of its negation, built here) moves in lockstep with the system, as in pan compiled
with -DNOREDUCE (no -DSAFETY): assertions and a claim that reaches its end are errors,
invalid end states are not checked; --accept looks for acceptance cycles (pan -a),
--non-progress for cycles that pass no progress label (pan -l, pan built with -DNP),
--fair restricts either to weakly fair runs (pan -f). A cycle's trail holds the path
to the cycle and the cycle, marked <<<<<START OF CYCLE>>>>> in the listing. These
searches use the exact store (--hc and --bitstate are refused with them); _last is
the last process to move, the claim's moves not counted, as in pan.

options:
  --json           print one JSON object on stdout and nothing else there
  --max-depth N    depth bound, as pan's -m (default 10000); moves cut there count as
                   matched states and a warning says the bound was hit
  --trail FILE     where to write the trail of an error (a file, not the model;
                   default: <model file name>.trail in the current directory)
  --memlim MB      stop cleanly, with the figures so far, once the state store and
                   search stack need more than MB megabytes (default 4096); the exact
                   store grows in 64 MiB chunks up to that limit
  --hc             hash compaction (as pan's -DHC4): keep a 32-bit hash per state (4
                   bytes, what pan's HC4 keeps at its default -w) instead of the state;
                   two states with the same hash count as one, so states may be missed.
                   Reports hash conflicts (occupied slots passed in the checker's own
                   table, so not pan's figure), bytes per state, and (not a pan figure)
                   the expected number of states lost, about stored^2 / 2^33
  --bitstate       bitstate hashing (as pan's -DBITSTATE): k bits per state in a fixed
                   array of 2^w bits; reports pan's hash factor and bits per state, and
                   the expected coverage (the share of states not wrongly taken as seen)
  -w N             bitstate array of 2^N bits, N from 3 to 35 (default 27, 16 MB, as pan)
  -k N             bits set per state with --bitstate, 1 to ${MAX_K} (default 3, as pan)
  --accept         acceptance cycles through accept labels of the claim or the
                   processes (pan -a); without a claim, through the processes'
                   accept labels; with neither, a warning says it has no effect
                   and the search is the safety one
  --non-progress   non-progress cycles (pan -l); the model must have no claim
  --fair           weak fairness, with --accept or --non-progress (pan -f)
  --ltl NAME       check the ltl formula NAME, as pan -N NAME (default: the never
                   claim if the model has one beside its ltl blocks, else the first)
  -h, --help       this text

exit status: 0 no error; 1 the model has an error; 2 bad usage or a bad model (syntax,
what SPIN refuses, a model too large for --memlim: refused before the search, with
file:line:col where there is one); 3 the search stopped at --memlim before it was
complete (no error in the part explored); 4 an internal error of gosched.
Under --json every outcome is one JSON object on stdout: the verdict (exit 0, 1, 3), or
{"error": {"kind": "usage"|"model"|"internal", "message", "file", "line", "col"},
"exitCode": 2|4}. A verdict's error has kind, message, line, trail (the file written)
and depth: pan's "(at depth N)", also in the text's "gosched:1:" line: pan's depth
when it reported the error, not the trail's length: for a cycle the depth of the stack
state that closes it, for any error inside the nested (cycle) search that search's
start; for an invalid end state or accept stutter one less than the state's depth (-1
for an initial state), for a trace's error one more.
A progress line goes to stderr every million stored states.

Error kinds, as pan names them: assertion, invalid-end-state, too-many-processes (a run
past 255 processes), rv-attempt-in-d_step (a rendezvous send inside d_step), index
(array index out of bounds), channel (too few parameters in send stmnt, missing pars in
receive, an uninitialised channel, c?[..] or c?<..> on a rendezvous channel),
block-in-d_step, enabled-self (pan's "used: enabled(pid=thisproc)": a process asking
enabled() about itself), trace (pan's "event_trace error (no matching event)": a send
or receive that the trace does not expect), notrace ("event_trace error (all events
matched)"), trace-nondeterminism (two moves of the trace match one event); a trace not
at its end or an end label when the system stops is an invalid-end-state, "event_trace
not completed" (safety search only, as pan); with a claim or --accept/--non-progress
also acceptance-cycle, non-progress-cycle, claim-end (end state in claim reached),
accept-stutter (a blocked accepting state, pan -a without a claim) and remote (a remote
reference to a process that does not exist). Differences from pan: division or
modulo by zero is an error of kind 'arith' here, where pan dies of a floating point
exception; the state vector may be up to 16 MiB (pan: its compile-time VECTORSZ); a
hidden variable assigned inside a d_step is restored on backtracking here, where pan
leaves it as the d_step set it; backtracking over set_priority on a pid with no process
changes nothing here, where pan writes a stale priority into some process (both in
models/spin/README.md).

Promela accepted: #define/#if/#ifdef/#else/#endif, #include "file" (relative to the
including file), comments; bit bool byte short int pid unsigned (name : bits)
mtype (and mtype:name sets, commas optional) chan and arrays, array initialiser lists
({c0, c1, ...}: the last repeats), typedef (a chan field given a channel type makes a
channel per instance, numbered as pan numbers them), hidden globals
(left out of state comparison, as in SPIN); constant expressions as sizes; inline (and v = f(args), each return e in f assigning v);
SPIN 6's block scopes for locals and labels; proctype (parameters may share a type:
'chan in, out; byte id'; a typedef parameter takes a structure field by field, as pan's
run does; an initialiser on a structure variable is dropped, as pan drops it), provided, active [N], init, run, priorities (proctype/run/init ... priority N,
_priority, get_priority, set_priority: enforced in the search as pan does), _pid, _nr_pr,
_last, _ (write-only: _ = e evaluates e and stores nothing, c?_ discards a field), enabled();
if/do/else/break/goto/labels, select (v : lo..hi), for (v : lo..hi),
for (v in array), for (struct var in buffered channel of that struct),
atomic, d_step (a goto inside one lands inside it), unless, assert, printf, printm, skip,
timeout; channels, global or local
(numbered as pan numbers them), buffered or rendezvous, whose messages may hold
typedefs, with !, !! (sorted), ?, ?? (random), ?<..>, eval(), ?[..], ??[..], c!m(a, b)
and c?m(a, b) for c!m,a,b and c?m,a,b,
len/empty/full/nempty/nfull; end/progress/accept labels; trace and notrace (sends,
receives, if, do, goto, break and end labels in the body, declarations at its top; a
label with no statement, an end label on a goto or break, and a goto or break that is an
option's first statement are pan's generic move, which matches any event; its channels global chan variables or chan fields of global structures, arrays on
the way indexed by a constant; as pan: a send checked against the channel's last slot, a
receive against its first); never claims (several: --ltl NAME picks one, as pan -N); ltl
blocks
([] <> X U W V ! && || -> <->, and always eventually until stronguntil weakuntil release
next implies equivalent, true, false; read as SPIN 6.5.2 reads them: [] <> X ! bind
tightest, so [] p U q is ([] p) U q and [] x == 1 is SPIN's constant (333==1); each
propositional part is one guard of the claim); remote references proc[pid]@label and
proc[pid]:var (proc@label, proc:var: the first running process of proc; a pid with no
process reads 0, as pan's does); np_ in claims;
local/show, xr/xs ignored. The preprocessor is cpp's as SPIN runs it: #define (with # and
##), #if/#ifdef/#elif/#else/#endif, #include "file", backslash-newline. An array size may
name a variable (its constant initial value, else 8, as SPIN 6.5.2).
Refused like SPIN (file:line:col): arithmetic on a channel, a jump into d_step or a goto
out of one, a send with more fields than any channel has, active [N] with N > 255, a for
(x in ..) over what is not an array or a buffered channel of x's typedef, a local
declared again where the name is visible, an initialiser list of two or more after the first statement
or on a scalar, priorities with a rendezvous channel, an array passed whole to an inline,
a message typedef holding an unsigned field or an array of structures,
a label on the first statement of a { }, atomic, d_step or inline body, a statement in a
trace that is not an event (skip, an assignment, else, atomic, !!, ??, ?<..>, unless, a
select SPIN's lexer writes out), a second trace, proctype parameters of another type after
a comma (int x, int y: SPIN wants int x; int y), _ read or declared, a macro's name
right after a number and dots (1..N is one token to cpp, which leaves N alone), a variable or structure field named like
a proctype declared above it, an mtype name, a typedef or an inline (SPIN's lexer reads
the name as that; P:v counts), a structure field after a remote reference (P:v.f).
Limits (refused with a position): nesting of parentheses/blocks over 250, a syntax tree
deeper than 600, macros nesting over 200 deep.
Not supported (named in the error): unsigned wider than 31 bits, declarations inside a
never claim, c_code and friends; in a trace (each error says why pan's run differs):
a declaration after its first statement, the trace's own variable in eval(), for,
select, accept/progress labels, a channel indexed by a variable or that is no
global's.
`;

export async function run(argv: string[]): Promise<number> {
  // parseArgs gives every option a long form, so -w and -k would be taken as --w and --k
  // too, which the help does not list (pan has only -w and -k).
  const long = argv.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length).find((a) => /^--[wk](=|$)/.test(a));
  if (long !== undefined) {
    const o = long.replace(/=.*/, '');
    throw new UsageError(`check: unknown option '${o}' (did you mean ${o.slice(1)}?) (see 'gosched check --help')`);
  }
  const { values, positionals } = parse(argv, {
    json: { type: 'boolean' },
    'max-depth': { type: 'string' },
    trail: { type: 'string' },
    memlim: { type: 'string' },
    hc: { type: 'boolean' },
    bitstate: { type: 'boolean' },
    w: { type: 'string', short: 'w' },
    k: { type: 'string', short: 'k' },
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
  notStdin('MODEL', file);
  if (values.trail !== undefined) {
    writableFile('--trail', values.trail);
    if (sameFile(values.trail, file)) throw new UsageError(`--trail ${values.trail}: is the model file; the trail would overwrite it`);
  }
  const maxDepth = positiveInt('max-depth', values['max-depth'], 10000);
  const memlim = positiveInt('memlim', values.memlim, 4096);
  if (values.hc && values.bitstate) throw new UsageError('--hc and --bitstate exclude each other');
  if (!values.bitstate && (values.w !== undefined || values.k !== undefined)) throw new UsageError('-w and -k apply to --bitstate only');
  const log2Bits = positiveInt('w', values.w, 27);
  const k = positiveInt('k', values.k, 3);
  if (log2Bits < 3 || log2Bits > 35) throw new UsageError(`-w must be 3 to 35 (2^w bits), got ${log2Bits}`);
  if (k > MAX_K) throw new UsageError(`-k must be 1 to ${MAX_K} (bits set per state), got ${k}`);
  if (values.bitstate && 2 ** log2Bits / 8 > memlim * 1048576) throw new UsageError(`-w${log2Bits} needs ${2 ** log2Bits / 8388608} MB, more than --memlim ${memlim}`);
  const store = values.hc ? { kind: 'hc' as const } : values.bitstate ? { kind: 'bitstate' as const, log2Bits, k } : { kind: 'exact' as const };
  if (values.accept && values['non-progress']) throw new UsageError('--accept and --non-progress exclude each other (as pan -a and -l)');
  if (values.fair && !values.accept && !values['non-progress']) throw new UsageError('--fair needs --accept or --non-progress (as pan -f needs -a or -l)');
  const model = loadOrExplain(file, { ltl: values.ltl, nonProgress: values['non-progress'] });
  const wantsLiveness = model.machine.claimType >= 0 || (values.accept && model.machine.acceptPc.some((t) => t.includes(1)));
  if (wantsLiveness) {
    // The combination, named as the user wrote it: the claim (or its absence) and the mode.
    const claim = values['non-progress'] ? null : model.claim.ltlName !== null ? `ltl ${model.claim.ltlName}` : model.machine.claimType >= 0 ? 'a never claim' : null;
    const mode = values['non-progress'] ? '--non-progress' : values.accept ? '--accept' : null;
    const combination = [claim, mode].filter((x) => x !== null).join(' and ');
    // Not a mere store swap: pan -DHC4 with -a keeps the fairness bytes (_a_t, _cnt) inside
    // the signature, so its states split by counter value (an 8-process fair model: 5,200
    // stored with -DHC4 against 768 stored, 5,760 visited without), and its counts are
    // another algorithm's.
    if (store.kind !== 'exact') {
      throw new UsageError(`${file}: --${store.kind} with ${combination} is not supported: the liveness search keeps every state exactly (pan's -DHC4 and -DBITSTATE with a claim or -a/-l are not implemented here); drop --${store.kind}`);
    }
  }
  if (model.machine.claimType >= 0) {
    const mode: LivenessMode = values['non-progress'] ? 'non-progress' : values.accept ? 'accept' : 'safety';
    return runLiveness(model, file, mode, !!values.fair, maxDepth, memlim, values.trail, !!values.json);
  }
  // pan -a without a claim: acceptance cycles through the processes' accept labels; with
  // none, pan ignores -a and the search is the safety one, and says so, as here.
  if (wantsLiveness) {
    return runLiveness(model, file, 'accept', !!values.fair, maxDepth, memlim, values.trail, !!values.json);
  }
  if (values.accept) process.stderr.write('gosched: warning: no accept labels are defined, so --accept has no effect (ignored), as pan -a\n');
  // A state, its copies down the search stack and the store's first tables: refuse a
  // model whose vector could not fit that in --memlim before searching at all.
  const need = model.machine.layout.initialVector * 256 + 32 * 1048576;
  if (need > memlim * 1048576) {
    throw new UsageError(`${file}: the state vector needs ${model.machine.layout.initialVector} bytes; searching it needs at least ${Math.ceil(need / 1048576)} MB, more than --memlim ${memlim}`);
  }
  const result = search(model.machine, {
    maxDepth,
    memLimitBytes: memlim * 1048576,
    store,
    progress: (line) => process.stderr.write(line + '\n'),
  });
  let trailFile: string | null = null;
  if (result.error) {
    trailFile = values.trail ?? `${basename(file)}.trail`;
    saveTrail(trailFile, () => writeTrail(trailFile!, basename(file), result.error!.message, result.error!.steps));
    if (!values.json) {
      process.stdout.write(`gosched: found ${result.error.message}, counterexample of ${result.error.steps.length} steps:\n`);
      const outcome = replay(model.machine, basename(file), result.error.steps, (s) => process.stdout.write(s));
      if (!outcome.error) process.stdout.write(`gosched: ${result.error.message} at the state reached\n`);
    }
  }
  const v = verdict(basename(file), result, maxDepth, trailFile, store.kind);
  process.stdout.write(values.json ? JSON.stringify(v) + '\n' : formatVerdict(v));
  // A search cut short by --memlim verified nothing about the rest of the state space:
  // a script must not take it for a pass.
  return result.error ? 1 : result.memoryLimitHit ? 3 : 0;
}

function runLiveness(model: ReturnType<typeof loadOrExplain>, file: string, mode: LivenessMode, fair: boolean,
  maxDepth: number, memlim: number, trail: string | undefined, json: boolean): number {
  warmUpLiveness(mode, fair, memlim * 1048576);
  const result = livenessSearch(model.machine, {
    maxDepth, memLimitBytes: memlim * 1048576, mode, fairness: fair,
    progress: (line) => process.stderr.write(line + '\n'),
  });
  let trailFile: string | null = null;
  const err = result.error;
  if (err) {
    trailFile = trail ?? `${basename(file)}.trail`;
    const claim = mode === 'non-progress' ? 'non-progress' : model.claim.ltlName !== null ? `ltl ${model.claim.ltlName}` : model.machine.claimType >= 0 ? 'never' : null;
    saveTrail(trailFile, () => writeTrail(trailFile!, basename(file), err.message, err.steps, err.cycleStart, claim));
    if (!json) {
      process.stdout.write(`gosched: found ${err.message}, counterexample of ${err.steps.length} steps${err.cycleStart !== null ? ` (the cycle starts after step ${err.cycleStart})` : ''}:\n`);
      replay(model.machine, basename(file), err.steps, (s) => process.stdout.write(s), err.cycleStart);
    }
  }
  const v = verdict(basename(file), result, maxDepth, trailFile);
  const extra = {
    search: mode, fairness: fair, ltl: model.claim.ltlName, transitions: result.transitions,
    statesVisited: result.statesVisited, cycleStart: err?.cycleStart ?? null,
  };
  if (json) process.stdout.write(JSON.stringify({ ...v, ...extra }) + '\n');
  else {
    const head = mode === 'safety' ? 'never claim (assertions, claim end)' : mode === 'accept' ? 'acceptance cycles' : 'non-progress cycles';
    process.stdout.write(`search: ${head}, fairness ${fair ? 'enabled' : 'disabled'}${model.claim.ltlName ? `, ltl ${model.claim.ltlName}` : ''}\n`);
    // pan counts transitions as visited + matched where a state is visited more than once
    // (a claim's nested search), and says so.
    const again = result.statesVisited !== result.statesStored;
    process.stdout.write(formatVerdict({ ...v, transitions: result.transitions })
      .replace(' states, stored\n', again ? ` states, stored (${result.statesVisited} visited)\n` : ' states, stored\n')
      .replace('transitions (= stored+matched)', again ? 'transitions (= visited+matched)' : 'transitions (= stored+matched)'));
  }
  return err ? 1 : result.memoryLimitHit ? 3 : 0;
}

/** Loads and compiles a model; any mistake in it becomes a UsageError with a caret. */
export function loadOrExplain(file: string, opts: ClaimOptions = {}) {
  refuseDevice(file);
  let source = '';
  try {
    source = readModel(file);
    return compileModel(file, source, opts);
  } catch (e) {
    if (e instanceof ModelError) {
      const u = new UsageError(formatModelError(e, file, source));
      u.kind = 'model';
      u.plain = e.message;
      u.where = { file: e.pos?.file !== undefined ? includedPath(file, e.pos.file) : file, line: e.pos?.line ?? null, col: e.pos?.col ?? null };
      throw u;
    }
    throw e;
  }
}

/** A device named as a model (/dev/zero, a disk) is refused before it is read: reading
 * one may never end. A pipe (/dev/stdin, a FIFO) is read, as cpp would read it. */
export function refuseDevice(file: string): void {
  let device = false;
  try {
    const st = statSync(file);
    device = st.isCharacterDevice() || st.isBlockDevice();
  } catch { /* missing or unreadable: readModel says which */ }
  if (!device) return;
  const u = new UsageError(`${file}: is a device, not a model file`);
  u.kind = 'model';
  u.plain = 'is a device, not a model file';
  u.where = { file, line: null, col: null };
  throw u;
}

/** Whether two paths name one existing file (through links too). */
function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** `gosched check ... | head` closes stdout early; that is not an error worth a stack. */
export function quietOnClosedPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

/** Writes a trail; a place that cannot take it (the default one, in a folder that is not
 * writable) is the user's to change, not an internal error. */
function saveTrail(trailFile: string, write: () => void): void {
  try {
    write();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === undefined) throw err;
    throw new UsageError(`cannot write the trail ${trailFile} (${code}); name a writable place with --trail FILE`);
  }
}
