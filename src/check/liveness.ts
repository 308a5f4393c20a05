// The search with a never claim: safety inside the claim, acceptance cycles (pan -a),
// non-progress cycles (pan -l) and weak fairness (pan -f), in SPIN 6.5.2's order so that
// the states stored, matched and transitions equal pan's (compiled -DNOREDUCE).
//
// It follows pan's new_state() step for step, because the counts depend on details no
// textbook nested DFS has:
//  - the claim and the system move in turn, the claim first; only the states where the
//    claim is about to move are stored (and those after a stutter step);
//  - a system with no move lets the claim move alone (stuttering); with timeout in the
//    model, the claim's moves are first retried with timeout true (without a claim, pan
//    -a on the processes' accept labels, the processes' own moves are);
//  - the nested (second) search starts in post-order from an accepting state (with -f:
//    from a state where the fairness counter has gone round), finds a cycle when it
//    meets the seed again, or a state on the first search's stack, and is a recursive
//    call that returns on backtracking to the seed's depth;
//  - the store keeps per state a bit for each search that visited it (and with -f, each
//    fairness counter value), and tags for the states on each search's stack;
//  - weak fairness is Choueka's flag construction as pan does it: a counter that runs
//    from nprocs+2 down while each process in turn moves or is blocked, copies of the
//    state per counter value, and a stutter move for a system with no move at all.
// The frame fields keep pan's trail fields (tau, o_pm bits) and, as in pan, a frame's
// fields are not cleared when it is reused: some decisions read values left there by an
// earlier visit of the same depth, and the counts depend on them.
//
// Rejected: writing the nested search as two clean recursive DFS functions (CVWY). It
// finds the same cycles, but pan stores and matches differently (seed matching, stack
// intersection, stutter frames), so its figures would not be comparable with pan's.
import { IO } from './codegen.js';
import type { Machine } from './machine.js';
import { LivenessStore } from './liveness-store.js';
import { VectorCopy } from './state-store.js';
import { isTraceError, progressLine, type SearchResult, type Step } from './search.js';

export type LivenessMode = 'safety' | 'accept' | 'non-progress';

export interface LivenessOptions {
  maxDepth: number;
  memLimitBytes: number;
  /** safety: the claim checked for assertions and its end only (pan without -a). */
  mode: LivenessMode;
  fairness: boolean;
  progress?: (line: string) => void;
}

/** Sizes the search starts from and how often it reports (progress line, memory check):
 * the defaults but for warmUpSearch, whose small sizes make every growth path run. */
interface Tuning { progressEvery: number; memCheckEvery: number; stateBytes: number; storeLog2Slots: number; storeArenaWords: number }
const DEFAULT_TUNING: Tuning = { progressEvery: 1_000_000, memCheckEvery: 1 << 12, stateBytes: 1 << 16, storeLog2Slots: 20, storeArenaWords: 1 << 18 };

export interface CycleError {
  kind: string; message: string; line: number | null;
  /** Moves from the initial state (claim moves have pid -1). */
  steps: Step[];
  /** For a cycle: the number of steps before it starts (the cycle is the rest). */
  cycleStart: number | null;
  /** pan's "(at depth N)" (SearchError.depth): for a cycle the depth of the state that
   * closes it on the stack (pan's depthfound), and for any error met inside a nested
   * search the depth of that search's seed; otherwise pan's depth when uerror ran. The
   * steps cannot give it: fairness stutters are frames of pan's but not moves. */
  depth: number;
}

/** The safety search's result (statesStored: pan's "states, stored", distinct states;
 * storeReport: empty here, the exact store has no collisions), with the figures only a
 * liveness search has, and its error, which may carry a cycle. */
export interface LivenessResult extends Omit<SearchResult, 'error'> {
  /** pan's nstates: stores including revisits with new search bits or counters. */
  statesVisited: number;
  transitions: number;
  error: CycleError | null;
}

class Stop { constructor(readonly error: CycleError | null, readonly memory = false) {} }

// A frame's fields: pan's trail fields (tau, o_pm, pr, o_tt, o_To, o_n, o_m, ostate,
// bup), where the parent's move list ends (TEND) and its moving process's record (BOF), so
// that the move loop resumes from them on the way back up without finding the record
// again, the frame's state (offset, length, rendezvous offer), the move into it (-1 for a
// fairness stutter), and pan's e_state: the number of the unless escape of the process
// being expanded that has moved (then only that escape's moves are tried), or 0. OSTATE
// is 0 for none (store entries start at 1), so the array is used as allocated: pages of
// frames the search never reaches are never touched (nor resident).
// Rejected: one typed array per field (as before): V8 checks each array's map and bounds
// per access, and the fields of one frame, in 16 arrays of a few megabytes, fall into the
// same cache sets; in one array a frame is one cache line.
// The frame fields, tau and o_pm bits, stages and flags are const enums, which tsc writes
// into the code as numbers. Rejected: module-level consts (as before): in the loop's
// on-stack-replaced code V8 loaded each from the module's context and checked it for the
// temporal dead zone and for a small integer at every use: about 15% of filter_lock_4's
// -a -f search.
const enum Fr { TAU, OPM, PR, TI, TEND, BOF, OTO, ON, OM, OSTATE, BUP, BOQ, OFF, LEN, TID, EST, SIZE }
const FRAME_BYTES = 4 * Fr.SIZE;

// tau bits (pan's names in comments). SPENT is not pan's: a frame inside an atomic
// sequence (not the claim's turn, no rendezvous offer pending, so one process to try)
// that has made its move and has nothing left to try but an else, which that move has
// ruled out, and no fairness counter or flag to settle. Back from its child, the loop
// would only run through its empty remainder and go up again, so UP passes it by
// (what pan does there changes no count). Set where such a frame moves, and by the
// forced chains, which leave every frame they expand spent.
const enum Tau { TIMEOUT = 1, RETRY = 2, CLAIM = 4, ATOM = 8, CUT = 16, SPENT = 32, STUTTER = 128 }
// o_pm bits
const enum Pm { MOVED = 1, ACCEPT = 2, PROGRESS = 4, FLAGSET = 8, FLAGCLR = 16, CNT = 32, CNTNOW = 64, FAIRSTUTTER = 128 }

/** What the search loop reads: the model's tables, the frames and the store, set up once. */
interface Run {
  m: Machine; opts: LivenessOptions; tune: Tuning; t0: number;
  VERI: boolean; BASE: number; aCycles: boolean; np: boolean; fairness: boolean;
  procAccept: boolean; procProgress: boolean; slack: number; cap: number;
  store: LivenessStore;
  /** Fairness counters of the first and the nested search (pan's cnt1, cnt2). */
  cnt: Int32Array;
  /** The frames: FS words each, frame F (depth F - 1; frame 0 is pan's trail[-1]) from
   * F * FS, its fields at the offsets TAU ... EST. */
  fr: Int32Array;
  /** The state buffer (frame states, one after another) and its word view. */
  S: Uint8Array; W: Int32Array;
  aT: number;
  // What the search counted, written back when it returns or stops.
  nstates: number; nShadow: number; truncs: number; nlinks: number; mreached: number; depthLimitHit: boolean;
}

export function livenessSearch(m: Machine, opts: LivenessOptions): LivenessResult {
  return runSearch(m, opts, DEFAULT_TUNING);
}

/**
 * A search of a small model run only so that V8 has seen every path of the search loop
 * before it compiles it: V8 compiles the loop while it runs (on-stack replacement, about
 * 0.3 s for this function), and code compiled before a path ran gives up (deoptimizes) when
 * that path first runs, then the loop runs unoptimized until it is compiled again. In a
 * large search the first nested search, the first fairness flag, the first accepting state
 * and the first progress line each came after the first compilation: three recompilations,
 * about half a second of a 4 s search. Here the store and state buffer start tiny (their
 * growth runs), the progress and memory checks come every few states, and progress lines
 * go nowhere. The result is of no use but to say the search ran.
 */
export function warmUpSearch(m: Machine, opts: LivenessOptions): LivenessResult {
  return runSearch(m, { ...opts, progress: () => {} }, { progressEvery: 3, memCheckEvery: 5, stateBytes: 64, storeLog2Slots: 2, storeArenaWords: 16 });
}

function runSearch(m: Machine, opts: LivenessOptions, tune: Tuning): LivenessResult {
  const t0 = performance.now();
  const { io, acceptPc, progressPc, procSize } = m;
  const claimType = m.claimType;
  // Without a claim (pan -a on accept labels of processes), pan's code has no claim
  // turns: every state is stored, process numbers start at 0, and a blocked accepting
  // state is an "accept stutter" error.
  const VERI = claimType >= 0, BASE = VERI ? 1 : 0;
  if (!VERI && opts.mode !== 'accept') throw new Error('without a claim only --accept is supported');
  // pan ignores -a when no state of the claim or the processes is labelled accept.
  const aCycles = opts.mode === 'non-progress' || (opts.mode === 'accept' && acceptPc.some((t) => t.includes(1)));
  const np = opts.mode === 'non-progress';
  const fairness = opts.fairness && aCycles;
  // Whether any proctype other than the claim has accept (progress) labels: when none has,
  // marking a state looks at the claim only, not at every process record (a walk per move).
  const procMarked = (table: Uint8Array[]) => table.some((t, type) => (!VERI || type !== claimType) && t.includes(1));

  const store = new LivenessStore(tune.storeLog2Slots, tune.storeArenaWords);
  const S = new Uint8Array(tune.stateBytes);
  io.fill(0);
  m.init(S);
  const vecLen = io[IO.LEN]!;
  // Frames: allocated once for the whole depth bound, as pan allocates its trail:
  // 4 * FS bytes a level (64 MB at -m1000000).
  const cap = opts.maxDepth + 4;
  const r: Run = {
    m, opts, tune, t0, VERI, BASE, aCycles, np, fairness,
    procAccept: procMarked(acceptPc), procProgress: procMarked(progressPc),
    slack: 2 * Math.max(...procSize, 16) + 64, cap, store, cnt: new Int32Array(2),
    fr: new Int32Array(cap * Fr.SIZE),
    S, W: new Int32Array(S.buffer), aT: 0,
    nstates: 0, nShadow: 0, truncs: 0, nlinks: 0, mreached: 0, depthLimitHit: false,
  };
  if (io[IO.ERR]) {
    const e = m.errors[io[IO.ERRINFO]!]!;
    return result(r, vecLen, false, { ...e, steps: [], cycleStart: null, depth: 0 });
  }

  // The initial frame: pan's do_the_search().
  r.fr[Fr.SIZE + Fr.LEN] = vecLen; r.fr[Fr.SIZE + Fr.TAU] = VERI ? Tau.CLAIM : 0;
  if (aCycles) r.fr[Fr.SIZE + Fr.OPM] = r.fr[Fr.SIZE + Fr.OPM]! | marks(r, S, 0);
  if (fairness && (r.fr[Fr.SIZE + Fr.OPM]! & Pm.ACCEPT)) { r.aT = 2; r.cnt[0] = S[0]! + BASE + 1; }
  let error: CycleError | null = null, memoryLimitHit = false;
  try {
    newState(r);
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    error = e.error; memoryLimitHit = e.memory;
  }
  return result(r, vecLen, memoryLimitHit, error);
}

function result(r: Run, vecLen: number, memoryLimit: boolean, err: CycleError | null): LivenessResult {
  const elapsed = (performance.now() - r.t0) / 1000;
  const visited = r.nstates, matched = r.truncs;
  return {
    statesStored: r.nstates - r.nShadow, statesVisited: visited, statesMatched: matched, transitions: visited + matched,
    atomicSteps: r.nlinks, depthReached: r.mreached, depthLimitHit: r.depthLimitHit, memoryLimitHit: memoryLimit,
    memoryBytes: r.store.bytes + r.S.length + r.cap * FRAME_BYTES, stateVectorBytes: vecLen, elapsedSeconds: elapsed, error: err, storeReport: [],
  };
}

/** P_ACCEPT and P_PROGRESS as the state at o earns them (pan's accept and progress marks). */
function marks(r: Run, S: Uint8Array, o: number): number {
  const { m, np } = r;
  if (np) {
    const c = o + m.claimOff;
    return (m.acceptPc[m.claimType]![S[c + 1]! | S[c + 2]! << 8] ? Pm.ACCEPT : 0)
      | (anyAt(r, S, o, m.progressPc, r.procProgress) ? Pm.PROGRESS : 0);
  }
  return anyAt(r, S, o, m.acceptPc, r.procAccept) ? Pm.ACCEPT : 0;
}

/** Whether a process (or the claim) of the state at o is at a pc marked in table; the
 * processes are walked only when some proctype has such a pc (procsToo). */
function anyAt(r: Run, S: Uint8Array, o: number, table: Uint8Array[], procsToo: boolean): boolean {
  const { m } = r;
  const c = o + m.claimOff;
  if (r.VERI && table[S[c]!]![S[c + 1]! | S[c + 2]! << 8]) return true;
  if (!procsToo) return false;
  let b = o + m.procBase;
  for (let j = 0, nr = S[o]!; j < nr; j++) {
    if (table[S[b]!]![S[b + 1]! | S[b + 2]! << 8]) return true;
    b += m.procSize[S[b]!]!;
  }
  return false;
}

/** The moves of the trail up to depth d (claim moves have pid -1). */
function trail(r: Run, d: number): Step[] {
  const steps: Step[] = [];
  for (let f = 2; f <= d + 1; f++) if (r.fr[f * Fr.SIZE + Fr.TID] !== -1) steps.push({ pid: r.fr[f * Fr.SIZE + Fr.PR]! - r.BASE, tid: r.fr[f * Fr.SIZE + Fr.TID]! });
  return steps;
}

/** An error whose trail is the moves to depth `depth`; pan says it is at depth `at`. */
function cycleError(r: Run, depth: number, cycleAt: number | null, message: string, kind: string, at: number): Stop {
  let start: number | null = null;
  if (cycleAt !== null) {
    start = 0;
    for (let f = 2; f <= cycleAt + 1; f++) if (r.fr[f * Fr.SIZE + Fr.TID] !== -1) start++;
  }
  return new Stop({ kind, message, line: null, steps: trail(r, depth), cycleStart: start, depth: at });
}

/** The depth pan prints for an error it reports at depth `at` (its uerror): the depth it
 * found (depthfound: the seed's, all through a nested search) where one is set. */
function reported(depthFound: number, at: number): number {
  return depthFound !== -1 ? depthFound : at;
}

/** The cycle error of the search mode: acceptance or non-progress. */
function cycleFound(r: Run, depth: number, cycleAt: number): Stop {
  return r.np ? cycleError(r, depth, cycleAt, 'non-progress cycle', 'non-progress-cycle', cycleAt)
    : cycleError(r, depth, cycleAt, 'acceptance cycle', 'acceptance-cycle', cycleAt);
}

// Labels of pan's new_state, as the stages of a loop (JavaScript has no goto), in pan's
// order: a stage runs when `at` is at most its label, so most of pan's jumps are a fall
// from one stage into the next, and the others set `at` and go round. RETURN ends a
// nested search, or the whole search when none is running.
const enum At { DOWN, ALLOVER, STUTTER, EXPAND, Q999, DONE, UP, RETURN }
// Where EXPAND enters the loop over the processes: its head, a process's first move, or
// the move after the one a frame just came back from.
const enum Mode { LOOP, VERI0, TRY }

// pan's new_state, the first and the nested search in one loop.
// Design: everything the loop changes is a local of this one function, which no closure
// captures, so V8 keeps it in registers or on the stack; the nested search (pan's
// recursive call of new_state from checkcycles) runs in the same loop, the few locals of
// the search that called it saved aside and put back when it returns. Rejected (the
// version before): the loop as a closure inside livenessSearch, calling closures for the
// store lookup and the nested search, with the counters, the depth and the state buffer
// in variables those closures shared: V8 kept those in context objects, so every read
// and write of them was a memory access, and the calls were not inlined.
function newState(r: Run): void {
  const { m, opts, store, cnt, VERI, BASE, aCycles, np, fairness, slack, cap } = r;
  const fr = r.fr;
  const { exec, io, procSize, procBase, acceptPc, progressPc, hasProvided } = m;
  const { moves, movesAt, pcBase, tfl } = flatMoves(m);
  const forced = forcedAtomic(m, movesAt, moves);
  // Forced chains (see the move loop) run only where nothing else happens in an atomic
  // frame: with a claim (without one, every frame is compared with the nested search's
  // seed) and without fairness (whose counter moves in atomic frames too).
  const chains = VERI && !fairness;
  const chainKind = chainKinds(m, movesAt, moves, forced), lastOff = m.layout.lastOff;
  const claimOff = m.claimOff, usesTimeout = m.usesTimeout;
  // When every proctype's record has the same size, process II's record is found by a
  // multiplication instead of a walk over the records before it.
  const sizes = new Set(Array.from(procSize).filter((_, ty) => ty !== m.claimType));
  const recSize = sizes.size === 1 ? [...sizes][0]! : 0;
  // Otherwise the records' offsets (from the state's start) in states of layout recGen,
  // found by one walk when a process is first wanted: finding each process's record by a
  // walk over those before it made an expansion quadratic in the number of processes
  // (Romsou solitaireV1, 37 processes: 39% of the search). A layout is the sequence of
  // record sizes; layOf[frame] numbers the layout of the frame's state. A move that keeps
  // the vector's length keeps the layout (only run and a process's end change the records,
  // and both change the length), so its child keeps its parent's number; any other move
  // gives a new one. Rejected: the table kept for one state offset, rebuilt when the
  // search came back to it: every step of an atomic sequence (one process tried) rebuilt
  // all of it.
  const recOff = new Int32Array(256), layOf = new Int32Array(cap + 2);
  let recGen = 0, layouts = 1;
  layOf[1] = 1;
  // Read once: the loop reads no object field that differs between searches.
  const maxDepth = opts.maxDepth, memLimitBytes = opts.memLimitBytes, progress = opts.progress, t0 = r.t0;
  const claimEnd = VERI ? m.endPc[m.claimType]! : EMPTY8;
  const claimAccept = VERI ? acceptPc[m.claimType]! : EMPTY8, claimProgress = VERI ? progressPc[m.claimType]! : EMPTY8;
  const procAccept = r.procAccept, procProgress = r.procProgress;
  // Hidden globals are in the vector but, as in pan (where they are not), no part of a
  // state's identity: blanked while it is hashed, compared or copied as the seed.
  const hidOff = m.layout.hidden.off, hidLen = m.layout.hidden.len, hidSave = new Uint8Array(hidLen);
  const pad = m.padding;

  let s8 = r.S, w32 = r.W;
  let aT = r.aT, depth = 0, aDepth = 0, depthFound = -1, lstate = -1;
  let nstates = 0, nShadow = 0, truncs = 0, nlinks = 0, mreached = 0, depthLimitHit = false;
  const { progressEvery, memCheckEvery } = r.tune;
  let nextProgress = progressEvery, nextMemCheck = memCheckEvery;
  let seed = new Int32Array(((r.fr[Fr.SIZE + Fr.LEN]! + 3) >> 2) + 64), seedWords = 0;
  // The loop's registers (pan's new_state locals).
  // k runs over moves[] from a process's first move to kEnd.
  let II = 0, From = s8[fr[Fr.SIZE + Fr.OFF]!]! + BASE - 1, To = BASE, n = 0, mm = 0, kEnd = 0, k = 0, b = 0, fresh = 0;
  // Whether the process being expanded makes its move in place (see forcedAtomic).
  let inPl = 0;
  // A nested search running, and what its caller had in the registers and changed.
  let nested = false, cF = 0, cAT = 0, cCnt = 0, cOstate = 0;
  let cII = 0, cFrom = 0, cTo = 0, cN = 0, cMm = 0, cKEnd = 0, cK = 0, cB = 0, cFresh = 0;
  let at = At.DOWN, mode = Mode.LOOP;
  try {
    main: for (;;) {
      const f = (depth + 1) * Fr.SIZE;
      if (at <= At.DOWN) {
        fr[f + Fr.TAU] = fr[f + Fr.TAU]! & ~(16 | 32 | 64);
        if (depth >= maxDepth) {
          depthLimitHit = true;
          truncs++;
          fr[f - Fr.SIZE + Fr.TAU] = fr[f - Fr.SIZE + Fr.TAU]! | Tau.CUT;
          at = At.UP; continue;
        }
      }
      if (at <= At.ALLOVER) {
        fresh = 0;
        fr[f + Fr.OSTATE] = fr[f - Fr.SIZE + Fr.OSTATE]!;
        if ((!VERI || (fr[f + Fr.TAU]! & Tau.CLAIM) || (fr[f - Fr.SIZE + Fr.TAU]! & Tau.STUTTER)) && fr[f + Fr.BOQ] === 0) {
          const o = fr[f + Fr.OFF]!, nw = (fr[f + Fr.LEN]! + 3) >> 2, ow = o >> 2;
          if (hidLen !== 0) { hidSave.set(s8.subarray(o + hidOff, o + hidOff + hidLen)); s8.fill(0, o + hidOff, o + hidOff + hidLen); }
          if (pad !== null) pad.blank(s8, o); // pan's mask over a priority's bits (pan-padding.ts)
          if ((aT & 1) && depth > aDepth && nw === seedWords) {
            let j = 0;
            while (j < nw && w32[ow + j] === seed[j]) j++;
            if (j === nw && !(fairness && cnt[1] !== 1)) { depthFound = aDepth; throw cycleFound(r, depth, depthFound); }
          }
          if (!(fr[f + Fr.TAU]! & Tau.ATOM)) {
            // pan's h_store: rs 0 new (or newly visited by this search, or with this
            // counter), 1 seen, 2 on this search's stack, 3 a cycle closed through the
            // first search's stack.
            const e = store.findOrAdd(w32, ow, nw, depth);
            if (pad !== null) pad.restore(s8, o);
            if (hidLen !== 0) s8.set(hidSave, o + hidOff);
            lstate = e;
            const flag = ((aT & 1) ? 2 : 1) << (aT & 2);
            let rs: number;
            if (store.added) {
              if (aCycles) {
                store.setVisited(e, flag);
                if (fairness) store.fairSet(e, 2 * cnt[aT & 1]! + (aT & 1));
                store.setTag(e, flag);
              } else store.setTag(e, 1);
              rs = 0;
            } else if (aCycles) {
              let wasNew = false;
              const v = store.visited(e);
              if ((v & flag) !== flag) { wasNew = true; nShadow++; store.setVisited(e, v | flag); }
              if (fairness && store.fairSet(e, 2 * cnt[aT & 1]! + (aT & 1)) && !wasNew) { wasNew = true; nShadow++; }
              if (wasNew) {
                const tg = store.tag(e) | flag;
                store.setTag(e, tg);
                rs = (aT & 1) && (tg & (1 << (aT & 2))) && depth > aDepth ? 3 : 0;
              } else {
                const tg = store.tag(e);
                if (tg & flag) rs = (aT & 1) && (tg & (1 << (aT & 2))) && depth > aDepth && (!fairness || cnt[1]! <= 1) ? 3 : 2;
                else rs = 1;
              }
            } else rs = store.tag(e) !== 0 ? 2 : 1;
            const kk = rs === 1 || rs === 2;
            if (rs === 2 && ((fr[f + Fr.OPM]! & Pm.ACCEPT) || (fr[f - Fr.SIZE + Fr.OPM]! & Pm.ACCEPT)) && aCycles && !fairness && depth > aDepth) {
              depthFound = store.depth(lstate);
              throw cycleFound(r, depth, depthFound);
            }
            if (rs === 3 && aCycles && (aT & 1)) {
              if (fairness && cnt[1] !== 1) rs = 0;
              else {
                nShadow--;
                depthFound = store.depth(lstate);
                throw cycleFound(r, depth, depthFound);
              }
            }
            if (rs !== 0) { truncs++; at = At.UP; continue; }
            if (!kk) {
              nstates++;
              if (nstates === nextProgress) {
                nextProgress += progressEvery;
                progress?.(progressLine(mreached, nstates - nShadow, nstates + truncs, store.bytes + s8.length, t0));
              }
              if (nstates >= nextMemCheck) {
                nextMemCheck += memCheckEvery;
                if (store.bytes + s8.length + cap * FRAME_BYTES > memLimitBytes) throw new Stop(null, true);
              }
            }
            fr[f + Fr.OSTATE] = lstate;
          } else { if (pad !== null) pad.restore(s8, o); if (hidLen !== 0) s8.set(hidSave, o + hidOff); }
        }
        if (depth > mreached) mreached = depth;
        if (!VERI || (fr[f + Fr.TAU]! & Tau.CLAIM)) fr[f + Fr.TAU] = fr[f + Fr.TAU]! & ~(Tau.TIMEOUT | Tau.RETRY);
        n = 0;
        fr[f + Fr.SIZE + Fr.ON] = 0;
        if (VERI) {
          const c = fr[f + Fr.OFF]! + claimOff;
          if (claimEnd[s8[c + 1]! | s8[c + 2]! << 8] === 1) throw cycleError(r, depth, null, 'end state in claim reached', 'claim-end', reported(depthFound, depth));
        }
      }
      if (at <= At.STUTTER) {
        fresh = 0;
        if (fr[f + Fr.TAU]! & Tau.CLAIM) {
          if ((aT & 2) && cnt[aT & 1] === 1) { aT &= ~2; cnt[aT & 1] = 0; fr[f + Fr.OPM] = fr[f + Fr.OPM]! | Pm.FLAGCLR; }
          II = 0;
          mode = Mode.VERI0;
        } else {
          fr[f + Fr.OPM] = fr[f + Fr.OPM]! & ~(Pm.FLAGSET | Pm.FLAGCLR | Pm.CNT | Pm.CNTNOW);
          if (fairness && fr[f + Fr.BOQ] === 0 && !(fr[f - Fr.SIZE + Fr.TAU]! & Tau.STUTTER) && !(fr[f + Fr.TAU]! & Tau.ATOM)) {
            if (!(aT & 2)) {
              if (fr[f + Fr.OPM]! & Pm.ACCEPT) { aT |= 2; cnt[aT & 1] = s8[fr[f + Fr.OFF]!]! + BASE + 1; fr[f + Fr.OPM] = fr[f + Fr.OPM]! | Pm.FLAGSET; }
            } else if (cnt[aT & 1] === 1) { aT &= ~2; cnt[aT & 1] = 0; fr[f + Fr.OPM] = fr[f + Fr.OPM]! | Pm.FLAGCLR; }
          }
          II = From;
          mode = Mode.LOOP;
        }
      }
      if (at <= At.EXPAND) {
        // pan's `for (II = From; II >= To; II--)` over the processes (the claim alone in
        // a claim turn), entered at its head (M_LOOP), at a process's first move
        // (M_VERI0), or, back from a move (UP), where that move was made (M_TRY).
        for (;;) {
          if (mode === Mode.LOOP) {
            if (II < To) break;
            if (fr[f + Fr.BOQ] !== 0 && fr[f + Fr.PR] === II) { II--; continue; }
          }
          if (mode !== Mode.TRY) {
            const o = fr[f + Fr.OFF]!;
            if (VERI && II === 0) b = o + claimOff;
            else if (recSize !== 0) b = o + procBase + (II - BASE) * recSize;
            else {
              if (recGen !== layOf[depth + 1]) {
                for (let j = 0, x = procBase, nr = s8[o]!; j < nr; j++) { recOff[j] = x; x += procSize[s8[o + x]!]!; }
                recGen = layOf[depth + 1]!;
              }
              b = o + recOff[II - BASE]!;
            }
            // A process number past this state's last process: pan's From is not restored
            // when it backs up (only To is), so after a move that ran a process, fairness's
            // start-over (II = INI_P) begins at the child state's last process. pan reads
            // that process's slot beyond the vector, which delproc zeroed: proctype 0 at
            // state 0, which has no transitions, so it blocks (after Rule 2 has counted it).
            // The slot here holds another state's bytes, not zeros: it gets no moves.
            const phantom = !(VERI && II === 0) && II - BASE >= s8[o]!;
            if (phantom) {
              k = kEnd = 0; inPl = 0;
            } else {
              const pc = pcBase[s8[b]!]! + (s8[b + 1]! | s8[b + 2]! << 8);
              k = movesAt[pc]!; kEnd = movesAt[pc + 1]!;
              inPl = forced[pc] === 1 && (fr[f + Fr.TAU]! & (Tau.ATOM | Tau.CLAIM)) === Tau.ATOM && fr[f + Fr.BOQ] === 0 ? 1 : 0;
            }
            fr[f + Fr.OPM] = fr[f + Fr.OPM]! & ~(Pm.MOVED | Pm.CNTNOW);
            if (fairness && fr[f + Fr.BOQ] === 0 && !(fr[f + Fr.OPM]! & Pm.CNT) && (aT & 2) && cnt[aT & 1] === II + 2) {
              cnt[aT & 1] = cnt[aT & 1]! - 1;
              if (VERI && II === 1) cnt[aT & 1] = 1;
              fr[f + Fr.OPM] = fr[f + Fr.OPM]! | Pm.CNT | Pm.CNTNOW;
            }
            fr[f + Fr.SIZE + Fr.PR] = II;
            fr[f + Fr.EST] = 0;
            // pan asks a provided clause here, after fairness Rule 2, and when it is false
            // goes on to the next process without the undo of Rule 2 below (its continue
            // skips that bookkeeping): not the same as a process whose moves all block.
            if (!phantom && hasProvided[s8[b]!] && !m.prov(s8[b]!, s8, o, b, VERI && II === 0 ? 0 : II - BASE)) {
              if (VERI && II === 0) break;
              II--;
              mode = Mode.LOOP;
              continue;
            }
            // The child slot still holds this frame's copy unless a move wrote it
            // (blocked moves write nothing), so it is copied again only after a move or
            // a change of what io says about the frame (fresh = 0 there).
          }
          // The process's transitions; a move descends (DOWN).
          const o = fr[f + Fr.OFF]!, L = fr[f + Fr.LEN]!, boq = fr[f + Fr.BOQ]!;
          const es = fr[f + Fr.EST]!;
          while (k < kEnd) {
            const t = moves[k++]!, fl = tfl[t]!;
            if ((fl & (Tf.ELSE | Tf.RECV)) !== 0 || boq !== 0 || es !== 0) {
              if (boq !== 0 && (fl & Tf.RECV) === 0) continue;
              if ((fl & Tf.ELSE) !== 0 && (fr[f + Fr.OPM]! & Pm.MOVED)) continue;
              if (es !== 0 && fl >> 8 !== es) continue;
            }
            let c = o;
            if (inPl !== 0) {
              io[IO.LEN] = L; io[IO.BOQ] = 0; io[IO.TIMEOUT] = fr[f + Fr.TAU]! & Tau.TIMEOUT;
              io[IO.NP] = !(fr[f + Fr.OPM]! & Pm.PROGRESS) && !(fr[f + Fr.TAU]! & Tau.STUTTER) ? 1 : 0;
            } else {
              c = o + ((L + 3) & ~3);
              if (fresh === 0) {
                if (c + L + slack > s8.length) { const nS = new Uint8Array(s8.length * 2); nS.set(s8); s8 = nS; w32 = new Int32Array(nS.buffer); }
                const ow = o >> 2, cw = c >> 2;
                const nw = (L + 3) >> 2;
                if (nw > VectorCopy.LOOP_MAX_WORDS) w32.copyWithin(cw, ow, ow + nw);
                else for (let j = 0; j < nw; j++) w32[cw + j] = w32[ow + j]!;
                fresh = 1;
                io[IO.LEN] = L; io[IO.BOQ] = boq; io[IO.TIMEOUT] = fr[f + Fr.TAU]! & Tau.TIMEOUT;
                io[IO.NP] = !(fr[f + Fr.OPM]! & Pm.PROGRESS) && !(fr[f + Fr.TAU]! & Tau.STUTTER) ? 1 : 0;
              }
            }
            const rx = exec(t, s8, c, c + (b - o), VERI && II === 0 ? 0 : II - BASE);
            if (rx === 0 && io[IO.ERR] === 0) { if (io[IO.LEN] !== L) fresh = 0; continue; }
            fresh = 0;
            if (rx === 2 || io[IO.ERR] !== 0) {
              const steps = trail(r, depth); steps.push({ pid: II - BASE, tid: t });
              const e = m.errors[io[IO.ERRINFO]!]!;
              throw new Stop({ kind: e.kind, message: e.message, line: e.line, steps, cycleStart: null, depth: reported(depthFound, depth + (isTraceError(e.kind) ? 1 : 0)) });
            }
            // A rendezvous offer's worth is decided when it is taken back (pan's unsend).
            mm = 3;
            const newBoq = io[IO.BOQ]!;
            if (boq !== 0 && newBoq === 0) {
              // A rendezvous completed: the receiver counts for fairness here (pan's
              // receive code does this, since the loop skipped it in this frame).
              mm = 4;
              if (fairness && !(fr[f + Fr.OPM]! & Pm.CNT) && (aT & 2) && cnt[aT & 1] === II + 2) {
                cnt[aT & 1] = cnt[aT & 1]! - 1;
                if (VERI && II === 1) cnt[aT & 1] = 1;
                fr[f + Fr.OPM] = fr[f + Fr.OPM]! | Pm.CNT | Pm.CNTNOW;
              }
            }
            if (newBoq === 0) fr[f + Fr.OPM] = fr[f + Fr.OPM]! | Pm.MOVED;
            // pan's qsend on a rendezvous channel clears the move result of the frame a
            // receiver would make ((trpt+2)->o_m), which unsend reads when the offer is
            // taken back: an offer nobody takes then counts as no move.
            else if (boq === 0) fr[f + 2 * Fr.SIZE + Fr.OM] = 0;
            { const u = fl >> 8; fr[f + Fr.EST] = u !== 0 && u !== 255 ? u : 0; }
            depth++;
            const L2 = io[IO.LEN]!;
            if (L2 !== L) for (let j = c + L2, e = c + ((L2 + 3) & ~3); j < e; j++) s8[j] = 0;
            layOf[depth + 1] = L2 === L ? layOf[depth]! : ++layouts;
            fr[f + Fr.SIZE + Fr.OFF] = c; fr[f + Fr.SIZE + Fr.LEN] = L2; fr[f + Fr.SIZE + Fr.BOQ] = newBoq; fr[f + Fr.SIZE + Fr.TID] = t; fr[f + Fr.SIZE + Fr.PR] = II;
            let pm = fr[f + Fr.SIZE + Fr.OPM]! & ~(Pm.ACCEPT | Pm.PROGRESS);
            if (aCycles) {
              // pan's accept and progress marks of the new state (see marks()).
              const cc = c + claimOff, cpc = VERI ? s8[cc + 1]! | s8[cc + 2]! << 8 : 0;
              if (np) {
                if (claimAccept[cpc]) pm |= Pm.ACCEPT;
                if ((VERI && claimProgress[cpc]) || (procProgress && anyAt(r, s8, c, progressPc, true))) pm |= Pm.PROGRESS;
              } else if ((VERI && claimAccept[cpc]) || (procAccept && anyAt(r, s8, c, acceptPc, true))) pm |= Pm.ACCEPT;
            }
            fr[f + Fr.SIZE + Fr.OPM] = pm;
            fr[f + Fr.SIZE + Fr.TI] = k; fr[f + Fr.SIZE + Fr.TEND] = kEnd; fr[f + Fr.SIZE + Fr.BOF] = b; fr[f + Fr.SIZE + Fr.ON] = n; fr[f + Fr.SIZE + Fr.OTO] = To; fr[f + Fr.SIZE + Fr.OM] = mm;
            let tc = 0;
            const isAtomic = (fl & Tf.ATOMIC) !== 0;
            if (!VERI) tc = newBoq !== 0 || isAtomic ? Tau.ATOM : 0;
            else {
              if (newBoq !== 0 || isAtomic) {
                tc |= Tau.ATOM;
                if (fr[f + Fr.TAU]! & Tau.CLAIM) tc |= Tau.CLAIM;
              } else if (!(fr[f + Fr.TAU]! & Tau.CLAIM)) tc |= Tau.CLAIM;
              if ((fr[f + Fr.TAU]! & Tau.TIMEOUT) && !(tc & Tau.CLAIM)) tc |= Tau.TIMEOUT;
            }
            fr[f + Fr.SIZE + Fr.TAU] = tc;
            if (newBoq === 0 && boq === 0 && II === To && (fr[f + Fr.TAU]! & (Tau.ATOM | Tau.CLAIM)) === Tau.ATOM && (fr[f + Fr.OPM]! & (Pm.CNT | Pm.FLAGSET | Pm.FLAGCLR)) === 0) {
              let j = k;
              while (j < kEnd && (tfl[moves[j]!]! & Tf.ELSE) !== 0) j++;
              if (j === kEnd) fr[f + Fr.TAU] = fr[f + Fr.TAU]! | Tau.SPENT;
            }
            if (newBoq !== 0 || !isAtomic) { From = s8[c]! + BASE - 1; To = BASE; at = At.DOWN; continue main; }
            From = To = II; nlinks++;
            if (!chains || L2 !== L || (tc & Tau.CLAIM) !== 0 || hasProvided[s8[b - o + c]!] !== 0) { at = At.DOWN; continue main; }
            // A forced chain: while the process, inside its atomic sequence, has one move
            // to make (chainKinds), the child's frame is expanded right here, with what
            // DOWN, ALLOVER, STUTTER and EXPAND would do for it (in an atomic frame: no
            // store, no claim move, nothing counted but the step), the move made in
            // place, and the frame left spent (Tau.SPENT). Where the process is blocked
            // or has a real choice, or at the depth bound, the frame goes to the loop as
            // usual. The frames are still written (the trail, and a child reads its
            // parent's tau, o_pm and ostate); what is saved is the loop's dispatch on the
            // way down and the frames' visits on the way up: glycerine's ltl.sgc, 34.6
            // million atomic steps for 565,699 states, spent about half its search there.
            // Rejected: chains without frames, as the safety search runs them (the trail
            // and the parent fields would need a second bookkeeping), and probing a
            // choice on copies as the safety search does (two copies of the vector per
            // step, where trying conditions in place and putting the pc back costs none).
            // bb: the record, where it was (the length, so the layout, is kept).
            const bb = b - o + c, ty = s8[bb]!, pid = II - BASE;
            let pcI = pcBase[ty]! + (s8[bb + 1]! | s8[bb + 2]! << 8);
            while (chainKind[pcI] !== 0 && depth < maxDepth) {
              const g = (depth + 1) * Fr.SIZE;
              fr[g + Fr.OSTATE] = fr[g - Fr.SIZE + Fr.OSTATE]!;
              if (depth > mreached) mreached = depth;
              fr[g + Fr.SIZE + Fr.ON] = 0;
              if (claimEnd[s8[c + claimOff + 1]! | s8[c + claimOff + 2]! << 8] === 1) throw cycleError(r, depth, null, 'end state in claim reached', 'claim-end', reported(depthFound, depth));
              let opm = fr[g + Fr.OPM]! & ~(Pm.FLAGSET | Pm.FLAGCLR | Pm.CNT | Pm.CNTNOW | Pm.MOVED);
              fr[g + Fr.SIZE + Fr.PR] = II; fr[g + Fr.EST] = 0;
              io[IO.LEN] = L; io[IO.BOQ] = 0; io[IO.TIMEOUT] = tc & Tau.TIMEOUT;
              io[IO.NP] = !(opm & Pm.PROGRESS) ? 1 : 0;
              let kk = movesAt[pcI]!;
              const ke = movesAt[pcI + 1]!;
              let t = moves[kk]!, rx = 0;
              if (chainKind[pcI] === 1) {
                rx = exec(t, s8, c, bb, pid); kk++;
                if (rx === 0 && io[IO.ERR] === 0 && kk < ke) { t = moves[kk++]!; rx = exec(t, s8, c, bb, pid); }
              } else {
                // A choice: which conditions hold, each tried in place and put back.
                const pc0 = s8[bb + 1]!, pc1 = s8[bb + 2]!, last = s8[c + lastOff]!;
                let pick = -1, j = kk;
                for (; j < ke && (tfl[moves[j]!]! & Tf.ELSE) === 0; j++) {
                  const ru = exec(moves[j]!, s8, c, bb, pid);
                  if (ru === 0 && io[IO.ERR] === 0) continue;
                  s8[bb + 1] = pc0; s8[bb + 2] = pc1; if (lastOff !== 0) s8[c + lastOff] = last;
                  // A second one, or an error (which the loop must meet in pan's order).
                  if (ru !== 1 || io[IO.ERR] !== 0 || pick >= 0) { pick = -2; break; }
                  pick = j;
                }
                if (pick === -1 && j < ke) pick = j;
                if (pick < 0) {
                  // A choice, an error or no move: the frame is left to the loop (nothing
                  // above was counted; the loop tries the moves again).
                  io[IO.ERR] = 0; io[IO.ERRINFO] = 0;
                  fr[g + Fr.OPM] = opm;
                  break;
                }
                t = moves[pick]!; kk = pick + 1;
                rx = exec(t, s8, c, bb, pid);
              }
              if (rx === 0 && io[IO.ERR] === 0) {
                // Blocked: the frame is left to the loop, which finds that again (nothing
                // above was counted) and takes atomicity away.
                fr[g + Fr.OPM] = opm;
                break;
              }
              if (rx === 2 || io[IO.ERR] !== 0) {
                const steps = trail(r, depth); steps.push({ pid, tid: t });
                const e = m.errors[io[IO.ERRINFO]!]!;
                throw new Stop({ kind: e.kind, message: e.message, line: e.line, steps, cycleStart: null, depth: reported(depthFound, depth + (isTraceError(e.kind) ? 1 : 0)) });
              }
              fr[g + Fr.OPM] = opm | Pm.MOVED;
              fr[g + Fr.TAU] = tc | Tau.SPENT;
              depth++;
              layOf[depth + 1] = layOf[depth]!;
              fr[g + Fr.SIZE + Fr.OFF] = c; fr[g + Fr.SIZE + Fr.LEN] = L; fr[g + Fr.SIZE + Fr.BOQ] = 0; fr[g + Fr.SIZE + Fr.TID] = t; fr[g + Fr.SIZE + Fr.PR] = II;
              pm = fr[g + Fr.SIZE + Fr.OPM]! & ~(Pm.ACCEPT | Pm.PROGRESS);
              if (aCycles) {
                const cpc = s8[c + claimOff + 1]! | s8[c + claimOff + 2]! << 8;
                if (np) {
                  if (claimAccept[cpc]) pm |= Pm.ACCEPT;
                  if (claimProgress[cpc] || (procProgress && anyAt(r, s8, c, progressPc, true))) pm |= Pm.PROGRESS;
                } else if (claimAccept[cpc] || (procAccept && anyAt(r, s8, c, acceptPc, true))) pm |= Pm.ACCEPT;
              }
              fr[g + Fr.SIZE + Fr.OPM] = pm;
              fr[g + Fr.SIZE + Fr.TI] = kk; fr[g + Fr.SIZE + Fr.TEND] = ke; fr[g + Fr.SIZE + Fr.BOF] = bb; fr[g + Fr.SIZE + Fr.ON] = 0; fr[g + Fr.SIZE + Fr.OTO] = To; fr[g + Fr.SIZE + Fr.OM] = 3;
              k = kk; kEnd = ke; b = bb; n = 0; mm = 3; inPl = 1;
              if ((tfl[t]! & Tf.ATOMIC) === 0) {
                // Out of the atomic sequence: the claim moves next.
                fr[g + Fr.SIZE + Fr.TAU] = Tau.CLAIM;
                From = s8[c]! + BASE - 1; To = BASE;
                break;
              }
              fr[g + Fr.SIZE + Fr.TAU] = tc;
              nlinks++;
              pcI = pcBase[ty]! + (s8[bb + 1]! | s8[bb + 2]! << 8);
            }
            at = At.DOWN; continue main;
          }
          // No move left in this process: on to the next (pan's P999).
          if ((fr[f + Fr.OPM]! & Pm.CNT) && (fr[f + Fr.OPM]! & Pm.CNTNOW)) {
            if (fr[f + Fr.OPM]! & Pm.MOVED) {
              if (VERI && cnt[aT & 1] === 1) cnt[aT & 1] = 2;
              cnt[aT & 1] = cnt[aT & 1]! + 1;
              fr[f + Fr.OPM] = fr[f + Fr.OPM]! & ~(Pm.CNT | Pm.CNTNOW);
            } else if (n > 0) {
              fr[f + Fr.OPM] = fr[f + Fr.OPM]! & ~Pm.CNTNOW;
              II = From + 1;
            }
          }
          if (VERI && II === 0) break;
          II--;
          mode = Mode.LOOP;
        }
        // Every process tried.
        if (fr[f + Fr.OPM]! & Pm.CNT) {
          if (VERI && cnt[aT & 1] === 1) cnt[aT & 1] = 2;
          cnt[aT & 1] = cnt[aT & 1]! + 1;
          fr[f + Fr.OPM] = fr[f + Fr.OPM]! & ~Pm.CNT;
        }
        if (fairness && !np && n === 0 && !(fr[f + Fr.TAU]! & Tau.CLAIM) && !(fr[f + Fr.TAU]! & Tau.ATOM)
          && (!usesTimeout || (fr[f + Fr.TAU]! & Tau.TIMEOUT)) && cnt[aT & 1]! > 0) {
          // pan's fairness stutter: a system with no move lets the counter go round.
          depth++;
          fr[f + Fr.SIZE + Fr.OPM] = fr[f + Fr.SIZE + Fr.OPM]! | Pm.FAIRSTUTTER | (fr[f + Fr.OPM]! & (Pm.ACCEPT | Pm.PROGRESS));
          fr[f + Fr.SIZE + Fr.BUP] = cnt[aT & 1]!;
          cnt[aT & 1] = 1;
          fr[f + Fr.SIZE + Fr.TAU] = VERI ? Tau.CLAIM : 0;
          layOf[depth + 1] = layOf[depth]!;
          fr[f + Fr.SIZE + Fr.OFF] = fr[f + Fr.OFF]!; fr[f + Fr.SIZE + Fr.LEN] = fr[f + Fr.LEN]!; fr[f + Fr.SIZE + Fr.BOQ] = 0; fr[f + Fr.SIZE + Fr.TID] = -1; fr[f + Fr.SIZE + Fr.PR] = -1;
          From = s8[fr[f + Fr.OFF]!]! + BASE - 1; To = BASE;
          at = At.DOWN; continue;
        }
      }
      if (at <= At.Q999) {
        if (fr[f + Fr.OPM]! & Pm.FLAGSET) { aT &= ~2; cnt[aT & 1] = 0; fr[f + Fr.OPM] = fr[f + Fr.OPM]! & ~Pm.FLAGSET; }
        if (fr[f + Fr.OPM]! & Pm.FLAGCLR) { aT |= 2; cnt[aT & 1] = 1; fr[f + Fr.OPM] = fr[f + Fr.OPM]! & ~Pm.FLAGCLR; }
        if ((n === 0 || ((fr[f + Fr.TAU]! & Tau.CLAIM) && (fr[f + Fr.TAU]! & Tau.RETRY))) && fr[f + Fr.BOQ] === 0 && depth < maxDepth - 1) {
          if ((fr[f + Fr.TAU]! & Tau.ATOM) && !(fr[f + Fr.TAU]! & Tau.CLAIM)) {
            // Blocked inside an atomic sequence: atomicity is lost and the claim moves.
            fr[f + Fr.TAU] = (fr[f + Fr.TAU]! & ~(Tau.TIMEOUT | Tau.ATOM)) | (VERI ? Tau.CLAIM : 0);
            From = s8[fr[f + Fr.OFF]!]! + BASE - 1; To = BASE;
            at = At.ALLOVER; continue;
          }
          if (usesTimeout && !(fr[f + Fr.TAU]! & Tau.TIMEOUT)) {
            if (!VERI) {
              // No claim (pan's ETIM without VERI): timeout becomes true and every
              // process is tried again from pan's Again (fairness marks first).
              fr[f + Fr.TAU] = fr[f + Fr.TAU]! | Tau.TIMEOUT;
              at = At.STUTTER; continue;
            }
            if (fr[f + Fr.TAU]! & Tau.CLAIM) {
              if (fr[f + Fr.TAU]! & Tau.RETRY) {
                // The system was stuck after these claim moves: retry them with timeout.
                fr[f + Fr.TAU] = (fr[f + Fr.TAU]! | Tau.TIMEOUT) & ~Tau.RETRY;
                at = At.STUTTER; continue;
              }
            } else {
              if (!((fr[f + Fr.TAU]! & Tau.ATOM) && !(fr[f - Fr.SIZE + Fr.TAU]! & Tau.CLAIM))) {
                fr[f - Fr.SIZE + Fr.TAU] = fr[f - Fr.SIZE + Fr.TAU]! | Tau.RETRY;
                at = At.UP; continue;
              }
            }
          }
          if (!VERI) {
            if (aCycles && (fr[f + Fr.OPM]! & Pm.ACCEPT)) {
              // A deadlock in an accepting state: an accepting run that stutters. pan
              // reports it one level up (depth--; uerror) from its frame for the state,
              // which is this loop's depth: the trail holds every move to the state, and
              // the depth printed is one less.
              throw cycleError(r, depth, null, 'accept stutter', 'accept-stutter', reported(depthFound, depth - 1));
            }
          } else if (!(fr[f + Fr.TAU]! & Tau.CLAIM)) {
            // The system cannot move: the claim moves alone (stutter).
            fr[f + Fr.TAU] = fr[f + Fr.TAU]! | Tau.CLAIM | Tau.STUTTER;
            at = At.STUTTER; continue;
          }
        }
      }
      if (at <= At.DONE) {
        if (!(fr[f + Fr.TAU]! & Tau.ATOM)) {
          if (fr[f + Fr.BOQ] === 0 && (!VERI || ((fr[f + Fr.TAU]! & Tau.CLAIM) && !(fr[f + Fr.TAU]! & Tau.STUTTER)) || (fr[f - Fr.SIZE + Fr.TAU]! & Tau.STUTTER))) {
            const e = fr[f + Fr.OSTATE]!;
            if (e !== 0) store.setTag(e, aCycles ? store.tag(e) & ~(((aT & 1) ? 2 : 1) << (aT & 2)) : 0);
          }
          if (n !== 0 && (!VERI || ((fr[f + Fr.TAU]! & Tau.CLAIM) && (s8[fr[f + Fr.OFF]!]! + BASE > 1 || (fr[f + Fr.OPM]! & Pm.ACCEPT)))) && !(aT & 1)
            && (fairness ? (aT & 2) && cnt[0] === 1 : aCycles && (fr[f + Fr.OPM]! & Pm.ACCEPT))) {
            // pan's checkcycles: the nested search from this state, with the caller's
            // registers and what it changes kept aside until it returns (RETURN).
            nested = true;
            cF = f; cAT = aT; cCnt = cnt[1]!; cOstate = fr[f + Fr.OSTATE]!;
            cII = II; cFrom = From; cTo = To; cN = n; cMm = mm; cKEnd = kEnd; cK = k; cB = b; cFresh = fresh;
            aT |= 1 | 16 | 32;
            cnt[1] = cnt[0]!;
            seedWords = (fr[f + Fr.LEN]! + 3) >> 2;
            if (seedWords > seed.length) seed = new Int32Array(seedWords * 2);
            const o = fr[f + Fr.OFF]!;
            if (hidLen !== 0) { hidSave.set(s8.subarray(o + hidOff, o + hidOff + hidLen)); s8.fill(0, o + hidOff, o + hidOff + hidLen); }
            if (pad !== null) pad.blank(s8, o); // pan's mask over a priority's bits (pan-padding.ts)
            for (let j = 0, ow = o >> 2; j < seedWords; j++) seed[j] = w32[ow + j]!;
            if (pad !== null) pad.restore(s8, o);
            if (hidLen !== 0) s8.set(hidSave, o + hidOff);
            aDepth = depthFound = depth;
            II = 0; From = s8[o]! + BASE - 1; To = BASE; n = 0; mm = 0; kEnd = 0; k = 0; b = 0; fresh = 0;
            at = At.DOWN; continue;
          }
        }
        if (depth === 0) { at = At.RETURN; continue; }
      }
      if (at <= At.UP) {
        if ((aT & 1) && depth <= aDepth) { at = At.RETURN; continue; }
        if (fr[f + Fr.OPM]! & Pm.FAIRSTUTTER) {
          cnt[aT & 1] = fr[f + Fr.BUP]!;
          n = 1; fr[f + Fr.OPM] = fr[f + Fr.OPM]! & ~Pm.FAIRSTUTTER;
          depth--;
          at = At.Q999; continue;
        }
        // A spent parent (Tau.SPENT) would only come back up in turn: it is passed by,
        // and g is the frame whose parent resumes.
        let g = f;
        while ((fr[g - Fr.SIZE + Fr.TAU]! & Tau.SPENT) !== 0 && (fr[g - Fr.SIZE + Fr.OPM]! & Pm.FAIRSTUTTER) === 0) {
          g -= Fr.SIZE; depth--;
          if ((aT & 1) && depth <= aDepth) break;
        }
        if (g !== f && (aT & 1) && depth <= aDepth) { at = At.RETURN; continue; }
        // Back in the parent: resume its loop where the move was made.
        k = fr[g + Fr.TI]!; kEnd = fr[g + Fr.TEND]!; b = fr[g + Fr.BOF]!; n = fr[g + Fr.ON]!; II = fr[g + Fr.PR]!; To = fr[g + Fr.OTO]!; mm = fr[g + Fr.OM]!;
        if (fr[g + Fr.BOQ] !== 0 && fr[g - Fr.SIZE + Fr.BOQ] === 0) {
          // Undoing a rendezvous offer: it counted as a move if it was taken.
          mm = fr[g + Fr.SIZE + Fr.OM]!;
          if (mm) fr[g - Fr.SIZE + Fr.OPM] = fr[g - Fr.SIZE + Fr.OPM]! | Pm.MOVED;
          else fr[g - Fr.SIZE + Fr.EST] = 0;
        }
        depth--;
        if (mm > n || (n > 3 && mm !== 0)) n = mm;
        fresh = 0; inPl = 0;
        mode = Mode.TRY;
        at = At.EXPAND; continue;
      }
      if (at <= At.RETURN) {
        if (!nested) return;
        nested = false;
        aT = cAT; cnt[1] = cCnt;
        aDepth = 0; depthFound = -1;
        fr[cF + Fr.OSTATE] = cOstate;
        II = cII; From = cFrom; To = cTo; n = cN; mm = cMm; kEnd = cKEnd; k = cK; b = cB; fresh = cFresh;
        at = depth > 0 ? At.UP : At.RETURN; continue;
      }
    }
  } finally {
    r.S = s8; r.W = w32; r.aT = aT;
    r.nstates = nstates; r.nShadow = nShadow; r.truncs = truncs; r.nlinks = nlinks; r.mreached = mreached; r.depthLimitHit = depthLimitHit;
  }
}

/**
 * forcedAtomic(m, movesAt, moves)[pcBase[type] + pc]: 1 where the process's moves are all
 * written in place (TransInfo.inPlace: only when they move, keeping the length, with no
 * rendezvous offer) and no unless escape or override, and it has exactly one move to make
 * (a single transition, or one and an else, which runs only when the other blocks). Inside
 * an atomic sequence (a frame of Tau.ATOM, not the claim's turn, no offer pending) such a
 * move is made on the frame's own vector, which its child then shares, not on a copy: once
 * it has moved, the frame tries nothing else on that vector (the else is skipped after a
 * move; atomicity is lost, and the processes tried again, only where nothing moved, and a
 * blocked move writes nothing), and the frame's parent copies its own vector again before
 * its next move. That holds for the move that leaves the sequence too (its child is the
 * claim's turn, which copies before it moves). Why: inside long atomic sequences the copy
 * of a large vector before each step was the search's largest single cost (Romsou
 * solitaireV1: 12.8 million atomic steps of a 1.3 KB vector at -m1010). The safety
 * search's chainable() kind 1 is the same rule for moves that stay inside the sequence.
 */
function forcedAtomic(m: Machine, movesAt: Int32Array, moves: Int32Array): Uint8Array {
  const ok = (t: number) => m.unlessRole[t] === 0 && m.trans[t]!.inPlace;
  const forced = new Uint8Array(movesAt.length);
  for (let pc = 0; pc + 1 < movesAt.length; pc++) {
    const list = Array.from(moves.subarray(movesAt[pc]!, movesAt[pc + 1]!));
    if (list.length === 0 || !list.every(ok) || m.isElse[list[0]!] !== 0 && list.length > 1) continue;
    if (list.length === 1 || (list.length === 2 && m.isElse[list[1]!] === 1)) forced[pc] = 1;
  }
  return forced;
}

/**
 * What a forced chain (see the move loop) does at each pc: 1 the forced move (forcedAtomic),
 * 2 a choice of conditions (TransInfo.pure, else last, no unless), which it tries in place,
 * putting the pc and _last back after each, and takes when exactly one is executable (or
 * none and the else); else 0, where the chain ends.
 */
function chainKinds(m: Machine, movesAt: Int32Array, moves: Int32Array, forced: Uint8Array): Uint8Array {
  const kinds = Uint8Array.from(forced);
  for (let pc = 0; pc + 1 < movesAt.length; pc++) {
    const list = Array.from(moves.subarray(movesAt[pc]!, movesAt[pc + 1]!));
    if (kinds[pc] !== 0 || list.length < 2) continue;
    if (list.every((t) => m.unlessRole[t] === 0 && m.trans[t]!.pure) && !list.slice(0, -1).some((t) => m.isElse[t] !== 0)) kinds[pc] = 2;
  }
  return kinds;
}

/** Per transition (flatMoves' tfl): else, rendezvous receive, atomic; the unless role
 * (Machine.unlessRole) from bit 8 on. */
const enum Tf { ELSE = 1, RECV = 2, ATOMIC = 4 }

/**
 * The machine's move lists in one array, as the loop reads them: the moves of process
 * type ty at pc are moves[movesAt[pcBase[ty] + pc] .. movesAt[pcBase[ty] + pc + 1]), and
 * tfl[t] holds transition t's flags, so a move is tried with one lookup for its flags and
 * none for its list (Machine.transOf is arrays of arrays).
 */
function flatMoves(m: Machine): { moves: Int32Array; movesAt: Int32Array; pcBase: Int32Array; tfl: Int32Array } {
  const pcBase = new Int32Array(m.transOf.length);
  let nPc = 0, nMoves = 0;
  m.transOf.forEach((per, ty) => {
    pcBase[ty] = nPc;
    nPc += per.length;
    for (const l of per) nMoves += l?.length ?? 0;
  });
  const moves = new Int32Array(nMoves), movesAt = new Int32Array(nPc + 1);
  let at = 0;
  m.transOf.forEach((per, ty) => {
    for (let pc = 0; pc < per.length; pc++) {
      movesAt[pcBase[ty]! + pc] = at;
      const l = per[pc];
      if (l) { moves.set(l, at); at += l.length; }
    }
  });
  movesAt[nPc] = at;
  const tfl = Int32Array.from(m.trans, (_, t) => (m.isElse[t] ? Tf.ELSE : 0) | (m.isRecv[t] ? Tf.RECV : 0) | (m.atomic[t] ? Tf.ATOMIC : 0) | m.unlessRole[t]! << 8);
  return { moves, movesAt, pcBase, tfl };
}
const EMPTY8 = new Uint8Array(0);
