// Depth-first search of the whole state space, counting as pan counts (SPIN 6.5.2, safety
// mode, no partial-order reduction):
//  - stored: states added to the store (the initial one included);
//  - matched: successors already in the store, plus every move cut at the depth bound;
//  - atomic steps: moves whose next state lies inside an atomic sequence; that state is
//    not stored and only the same process moves on from it, unless it is blocked there,
//    when it is stored after all and every process may move (pan's "lost atomicity");
//  - processes are tried from the highest pid down, each one's transitions in source
//    order with `else` last and only when nothing before it in that process moved;
//  - with no move at all: timeout is tried (if the model uses it), then the state must be
//    a valid end state, except at the last depth level, as in pan.
import { IO } from './codegen.js';
import type { Machine } from './machine.js';
import type { PaddingBlanker } from './pan-padding.js';
import { BitstateStore } from './bitstate-store.js';
import { HashCompactStore } from './compact-store.js';
import { StateStore, VectorCopy } from './state-store.js';
import { MemoryLimitReached, type VisitedStates } from './visited.js';
import { traceIncomplete } from './event-trace.js';

export interface SearchOptions {
  maxDepth: number;
  memLimitBytes: number;
  /** How states are kept: exactly (default), as 32-bit signatures (pan's -DHC4) or as k
   * bits of a 2^w-bit array (pan's -DBITSTATE -w). */
  store?: { kind: 'exact' } | { kind: 'hc' } | { kind: 'bitstate'; log2Bits: number; k: number };
  /** Called with pan's progress line every million stored states. */
  progress?: (line: string) => void;
}

export interface Step { pid: number; tid: number }

export interface SearchError {
  kind: string; message: string; line: number | null; steps: Step[];
  /** pan's "(at depth N)": its depth when uerror ran, which the steps do not always give
   * (a trace's error is one deeper, an invalid end state one shallower, a cycle the depth
   * of a state on the stack); -1 for an initial state that is an invalid end state, as pan. */
  depth: number;
}

export interface SearchResult {
  statesStored: number;
  statesMatched: number;
  atomicSteps: number;
  depthReached: number;
  depthLimitHit: boolean;
  memoryLimitHit: boolean;
  memoryBytes: number;
  stateVectorBytes: number;
  elapsedSeconds: number;
  error: SearchError | null;
  /** What pan prints about its store (hash conflicts, hash factor, coverage). */
  storeReport: string[];
}

export function search(m: Machine, opts: SearchOptions): SearchResult {
  const t0 = performance.now();
  const { exec, io, transOf, isElse, atomic, isRecv, unlessRole, procSize, procBase, endPc } = m;
  const maxDepth = opts.maxDepth;
  const slack = 2 * Math.max(...procSize, 16) + 64;
  // Hot variables stay plain locals that no closure captures, so V8 keeps them in
  // registers; that is why the loop below is one long function.
  let S = new Uint8Array(Math.max(1 << 16, 2 ** Math.ceil(Math.log2(4 * m.layout.initialVector + 4 * slack))));
  let W = new Int32Array(S.buffer);
  // The store may use what --memlim leaves after the search stack (grown on demand below).
  const storeLimit = opts.memLimitBytes - 4 * S.length;
  const kind = opts.store ?? { kind: 'exact' };
  const store: VisitedStates = kind.kind === 'hc' ? new HashCompactStore(storeLimit)
    : kind.kind === 'bitstate' ? new BitstateStore(kind.log2Bits, kind.k)
    : new StateStore(storeLimit);
  const chainPc = chainable(m);
  const hidOff = m.layout.hidden.off, hidLen = m.layout.hidden.len, hidSave = new Uint8Array(hidLen);
  io.fill(0);
  m.init(S);
  const vecLen = io[IO.LEN]!;
  if (io[IO.ERR]) return result(m, store, S, 0, 0, 0, 0, false, false, vecLen, t0, errorOf(m, io[IO.ERRINFO]!, [], 0));
  addState(store, S, W, 0, (vecLen + 3) >> 2, hidOff, hidLen, hidSave, m.padding);
  let stored = 1, matched = 0, atomicSteps = 0, depthReached = 0, depthLimitHit = false, memoryLimitHit = false;

  // One frame per depth level: the state (off, len) and where its expansion stands.
  let cap = Math.min(maxDepth + 2, 1 << 16);
  let off = new Int32Array(cap), len = new Int32Array(cap), cur = new Int32Array(cap), upto = new Int32Array(cap);
  let tix = new Int32Array(cap), moved = new Uint8Array(cap), nMoves = new Int32Array(cap), inAtomic = new Uint8Array(cap);
  let boqOf = new Int32Array(cap), sender = new Int32Array(cap), tmo = new Uint8Array(cap);
  // The depth of each frame's state: deeper than its level where atomic steps ran in place.
  let dep = new Int32Array(cap);
  // The records' offsets (from the state's start) in states of layout recGen, found by
  // one walk when a process is first wanted: a walk over the records before each process
  // made an expansion quadratic in the number of processes. A layout is the sequence of
  // record sizes; lay[level] numbers the layout of the frame's state. A move that keeps
  // the vector's length keeps the layout (only run and a process's end change the records,
  // and both change the length), so its child keeps its parent's number; any other move
  // gives a new one.
  let lay = new Int32Array(cap);
  const recOff = new Int32Array(256);
  let recGen = 0, layouts = 1;
  lay[0] = 1;
  // The move into each depth, for a counterexample (indexed by depth, not level).
  let dcap = cap, tidOf = new Int32Array(dcap), pidOf = new Int32Array(dcap);
  const progressEvery = 1_000_000;
  let nextProgress = progressEvery;
  let nextMemCheck = 1 << 12;

  off[0] = 0; len[0] = vecLen; cur[0] = S[0]! - 1; upto[0] = 0; sender[0] = -1;
  let level = 0;
  let error: SearchError | null = null;
  try {
  search: while (level >= 0) {
    const o = off[level]!, L = len[level]!, boq = boqOf[level]!;
    let II = cur[level]!, ti = tix[level]!, mv = moved[level]!;
    const to = upto[level]!;
    let found = -1, fresh = 0;
    while (II >= to) {
      if (boq !== 0 && II === sender[level]) { II--; ti = 0; mv = 0; continue; }
      if (recGen !== lay[level]) {
        for (let j = 0, x = procBase, nr = S[o]!; j < nr; j++) { recOff[j] = x; x += procSize[S[o + x]!]!; }
        recGen = lay[level]!;
      }
      const b = o + recOff[II]!;
      const list = transOf[S[b]!]![S[b + 1]! | S[b + 2]! << 8]!;
      while (ti < list.length) {
        const t = list[ti++]!;
        if (mv !== 0 && isElse[t] !== 0) continue;
        // unless: escapes come first; once one has moved (its number is in mv's upper
        // bits), only moves of that same escape are tried.
        if (mv > 1 && unlessRole[t] !== mv >> 1) continue;
        if (boq !== 0 && isRecv[t] === 0) continue;
        // Vectors sit on 4-byte boundaries, padded with zero bytes, so they copy, hash
        // and compare a word at a time.
        const c = o + ((L + 3) & ~3);
        // The child slot still holds the parent's copy unless a move wrote it: blocked
        // moves write nothing (generated code tests before it writes).
        if (fresh === 0) {
          if (c + L + slack > S.length) { const n = new Uint8Array(S.length * 2); n.set(S); S = n; W = new Int32Array(S.buffer); }
          const ow = o >> 2, cw = c >> 2, n = (L + 3) >> 2;
          if (n > VectorCopy.LOOP_MAX_WORDS) W.copyWithin(cw, ow, ow + n);
          else for (let j = 0; j < n; j++) W[cw + j] = W[ow + j]!;
          fresh = 1;
          // Only a move that happens changes these, and then the slot is copied afresh.
          io[IO.LEN] = L; io[IO.BOQ] = boq; io[IO.TIMEOUT] = tmo[level]!;
        }
        const r = exec(t, S, c, c + (b - o), II);
        if (r === 0 && io[IO.ERR] === 0) { if (io[IO.LEN] !== L) fresh = 0; continue; }
        fresh = 0;
        if (r === 2 || io[IO.ERR] !== 0) {
          const steps = trail(pidOf, tidOf, dep[level]!); steps.push({ pid: II, tid: t });
          error = errorOf(m, io[IO.ERRINFO]!, steps, dep[level]!);
          break search;
        }
        found = t;
        break;
      }
      if (found >= 0) break;
      II--; ti = 0; mv = 0;
    }
    // A rendezvous offer counts as a move only once a receiver has taken it (pan's
    // unsend), so it is credited when its frame is popped, below.
    const newBoq = found >= 0 ? io[IO.BOQ]! : 0;
    if (found >= 0 && newBoq === 0) { const u = unlessRole[found]!; mv = u !== 0 && u !== 255 ? 1 | u << 1 : mv | 1; nMoves[level]!++; }
    cur[level] = II; tix[level] = ti; moved[level] = mv;

    if (found >= 0) {
      const isAtomic = newBoq === 0 && atomic[found] !== 0;
      if (isAtomic) atomicSteps++;
      let depth = dep[level]! + 1;
      if (depth >= maxDepth) { depthLimitHit = true; matched++; continue; }
      const c = o + ((L + 3) & ~3), L2 = io[IO.LEN]!;
      if (L2 !== L) for (let j = c + L2, e = c + ((L2 + 3) & ~3); j < e; j++) S[j] = 0;
      if (newBoq === 0 && !isAtomic) {
        if (!addState(store, S, W, c, (L2 + 3) >> 2, hidOff, hidLen, hidSave, m.padding)) { matched++; continue; }
        stored++;
        if (stored === nextProgress) {
          nextProgress += progressEvery;
          opts.progress?.(progressLine(depthReached, stored, stored + matched, store.bytes + S.length, t0));
        }
        if (stored >= nextMemCheck) {
          nextMemCheck += 1 << 12;
          if (store.bytes + S.length + cap * 44 > opts.memLimitBytes) { memoryLimitHit = true; break search; }
        }
      }
      if (depth >= dcap) { dcap = Math.min(dcap * 2, maxDepth + 2); tidOf = grow32(tidOf, dcap); pidOf = grow32(pidOf, dcap); }
      tidOf[depth] = found; pidOf[depth] = II;
      // Where the child's frame will sit: c, or the slot after it when atomic steps ran on.
      let pos = c;
      if (isAtomic) {
        // Atomic steps run on without a frame of their own while the process has exactly
        // one move: its frame would only be popped with nothing left to try. A forced
        // move (chainPc 1) runs in place. Otherwise (chainPc 2) the first executable move
        // runs on a copy in the other of two slots (pos, alt), and each later option but
        // else is tried on a second copy (probe); if one is executable too, or errs, the
        // state gets its frame after all and the search takes it as usual. Counts, depths
        // and trails are pan's; only frames and backtracking are saved.
        const aL = (L2 + 3) & ~3, nw = aL >> 2;
        if (c + 3 * aL + slack > S.length) { const g = new Uint8Array(S.length * 2); g.set(S); S = g; W = new Int32Array(S.buffer); }
        let alt = c + aL;
        const probe = c + 2 * aL;
        io[IO.LEN] = L2; io[IO.BOQ] = 0; io[IO.TIMEOUT] = 0;
        // These moves keep the vector's length and every process's type, so the moving
        // process's record stays where it is (rel bytes into the state).
        // The parent's table holds: a move that keeps the length keeps the layout.
        let rel = procBase;
        if (L2 === L && recGen === lay[level]) rel = recOff[II]!;
        else for (let j = 0; j < II; j++) rel += procSize[S[c + rel]!]!;
        const ty = S[c + rel]!, kinds = chainPc[ty]!, lists = transOf[ty]!;
        for (;;) {
          if (depth + 1 >= maxDepth) break;
          const b = pos + rel, pc = S[b + 1]! | S[b + 2]! << 8;
          const kind = kinds[pc]!;
          if (kind === 0) break;
          const list = lists[pc]!;
          let t = -1, r = 0, at = pos;
          if (kind === 1) {
            t = list[0]!;
            r = exec(t, S, pos, b, II);
            if (r === 0 && io[IO.ERR] === 0 && list.length === 2) { t = list[1]!; r = exec(t, S, pos, b, II); }
          } else {
            at = alt;
            if (nw > VectorCopy.LOOP_MAX_WORDS) W.copyWithin(alt >> 2, pos >> 2, (pos >> 2) + nw);
            else for (let j = 0, pw = pos >> 2, aw = alt >> 2; j < nw; j++) W[aw + j] = W[pw + j]!;
            let k = 0;
            for (; k < list.length; k++) {
              t = list[k]!;
              r = exec(t, S, alt, alt + (b - pos), II);
              if (r !== 0 || io[IO.ERR] !== 0) break;
            }
            if (r === 1 && io[IO.ERR] === 0 && k + 1 < list.length && isElse[list[k + 1]!] === 0) {
              if (nw > VectorCopy.LOOP_MAX_WORDS) W.copyWithin(probe >> 2, pos >> 2, (pos >> 2) + nw);
              else for (let j = 0, pw = pos >> 2, qw = probe >> 2; j < nw; j++) W[qw + j] = W[pw + j]!;
              let other = false;
              for (let j = k + 1; j < list.length && !other; j++) {
                const u = list[j]!;
                if (isElse[u] !== 0) continue;
                if (exec(u, S, probe, probe + (b - pos), II) !== 0 || io[IO.ERR] !== 0) other = true;
              }
              // A choice (or an error the search must meet in pan's order): not forced.
              if (other) { io[IO.ERR] = 0; io[IO.ERRINFO] = 0; break; }
            }
          }
          // Blocked: the frame pushed below finds that out again and loses atomicity.
          if (r === 0 && io[IO.ERR] === 0) break;
          depth++;
          if (depth >= dcap) { dcap = Math.min(dcap * 2, maxDepth + 2); tidOf = grow32(tidOf, dcap); pidOf = grow32(pidOf, dcap); }
          tidOf[depth] = t; pidOf[depth] = II;
          if (r === 2 || io[IO.ERR] !== 0) {
            // The error is found at the state this step left, one level up (as pan says).
            if (depth - 1 > depthReached) depthReached = depth - 1;
            error = errorOf(m, io[IO.ERRINFO]!, trail(pidOf, tidOf, depth), depth - 1);
            break search;
          }
          atomicSteps++;
          if (at !== pos) { alt = pos; pos = at; }
        }
      }
      if (depth > depthReached) depthReached = depth;
      if (level + 1 >= cap) {
        cap = Math.min(cap * 2, maxDepth + 2);
        off = grow32(off, cap); len = grow32(len, cap); cur = grow32(cur, cap); upto = grow32(upto, cap);
        tix = grow32(tix, cap); nMoves = grow32(nMoves, cap); boqOf = grow32(boqOf, cap); sender = grow32(sender, cap);
        dep = grow32(dep, cap); lay = grow32(lay, cap);
        moved = grow8(moved, cap); inAtomic = grow8(inAtomic, cap); tmo = grow8(tmo, cap);
      }
      level++;
      lay[level] = L2 === L ? lay[level - 1]! : ++layouts;
      off[level] = pos; len[level] = L2; dep[level] = depth;
      // After an atomic move only the same process continues; after a rendezvous offer
      // every other process may answer it.
      cur[level] = isAtomic ? II : S[pos]! - 1; upto[level] = isAtomic ? II : 0;
      inAtomic[level] = isAtomic ? 1 : 0;
      tix[level] = 0; moved[level] = 0; nMoves[level] = 0; tmo[level] = 0;
      boqOf[level] = newBoq; sender[level] = newBoq !== 0 ? II : -1;
      continue;
    }

    if (nMoves[level] === 0 && boq === 0 && S[o] !== 0 && dep[level]! < maxDepth - 1) {
      if (inAtomic[level]) {
        // Blocked inside an atomic sequence: atomicity is lost, the state is stored now.
        inAtomic[level] = 0;
        if (!addState(store, S, W, o, (L + 3) >> 2, hidOff, hidLen, hidSave, m.padding)) { matched++; level--; continue; }
        stored++;
        cur[level] = S[o]! - 1; upto[level] = 0; tix[level] = 0; moved[level] = 0;
        continue;
      }
      if (m.usesTimeout && tmo[level] === 0) {
        cur[level] = S[o]! - 1; upto[level] = 0; tix[level] = 0; moved[level] = 0; tmo[level] = 1;
        continue;
      }
      if (!endState(S, o, procBase, procSize, endPc)) {
        // pan steps back a level before it reports (depth--; uerror): -1 at the initial state.
        error = { kind: 'invalid-end-state', message: 'invalid end state', line: null, steps: trail(pidOf, tidOf, dep[level]!), depth: dep[level]! - 1 };
        break;
      }
      // A trace must rest at its end or an end label too (pan: "event_trace not completed").
      if (traceIncomplete(m.trace, S, o)) {
        error = { kind: 'invalid-end-state', message: 'invalid end state (event_trace not completed)', line: null, steps: trail(pidOf, tidOf, dep[level]!), depth: dep[level]! - 1 };
        break;
      }
    }
    if (boq !== 0 && nMoves[level]! > 0) { nMoves[level - 1]!++; moved[level - 1] = 1; }
    level--;
  }
  } catch (e) {
    // A store that would outgrow --memlim stops the search like the periodic check does.
    if (!(e instanceof MemoryLimitReached)) throw e;
    memoryLimitHit = true;
  }
  return result(m, store, S, stored, matched, atomicSteps, depthReached, depthLimitHit, memoryLimitHit, vecLen, t0, error, cap);
}

/** Adds the state at byte offset `at` (n words) with its hidden bytes blanked: states that
 * differ only there are the same state. The bytes are put back for the moves that follow. */
function addState(store: VisitedStates, S: Uint8Array, W: Int32Array, at: number, n: number, hidOff: number, hidLen: number, save: Uint8Array, pad: PaddingBlanker | null): boolean {
  // pan's mask over a priority's bits (pan-padding.ts): blanked likewise, and put back.
  if (pad !== null) { pad.blank(S, at); const fresh = addState(store, S, W, at, n, hidOff, hidLen, save, null); pad.restore(S, at); return fresh; }
  if (hidLen === 0) return store.add(W, at >> 2, n);
  const h = at + hidOff;
  save.set(S.subarray(h, h + hidLen));
  S.fill(0, h, h + hidLen);
  const fresh = store.add(W, at >> 2, n);
  S.set(save, h);
  return fresh;
}

function grow32(a: Int32Array, n: number): Int32Array<ArrayBuffer> { const b = new Int32Array(n); b.set(a); return b; }
function grow8(a: Uint8Array, n: number): Uint8Array<ArrayBuffer> { const b = new Uint8Array(n); b.set(a); return b; }

/**
 * chainable(m)[type][pc], for a process inside an atomic sequence whose moves there are
 * all atomic, written in place (TransInfo.inPlace) and no unless escape or override:
 * 1 where it has exactly one move to make (a single transition, or one and an `else`,
 * which runs only when the other is blocked), so its frame would have nothing left to try
 * once that move is made; 2 where it has options, to be told apart at run time; else 0.
 */
function chainable(m: Machine): Uint8Array[] {
  const ok = (t: number) => m.atomic[t] === 1 && m.unlessRole[t] === 0 && m.trans[t]!.inPlace;
  return m.transOf.map((per) => Uint8Array.from(per, (list) => {
    if (!list || list.length === 0 || !list.every(ok)) return 0;
    // else, if any, comes last (pan's order); one elsewhere would be no else of this list.
    if (list.slice(0, -1).some((t) => m.isElse[t] !== 0)) return 0;
    if (list.length === 1) return 1;
    return list.length === 2 && m.isElse[list[1]!] === 1 ? 1 : 2;
  }));
}

/** Whether every process is at a valid end state (SPIN's endstate()). */
function endState(S: Uint8Array, o: number, procBase: number, procSize: Int32Array, endPc: Uint8Array[]): boolean {
  let b = o + procBase;
  for (let j = 0, n = S[o]!; j < n; j++) {
    if (endPc[S[b]!]![S[b + 1]! | S[b + 2]! << 8] !== 1) return false;
    b += procSize[S[b]!]!;
  }
  return true;
}

function trail(pidOf: Int32Array, tidOf: Int32Array, depth: number): Step[] {
  const steps: Step[] = [];
  for (let i = 1; i <= depth; i++) steps.push({ pid: pidOf[i]!, tid: tidOf[i]! });
  return steps;
}

/** The error of a move made from a state at depth `at`: pan reports it at that depth, but
 * a trace's one deeper (its matching code raises the depth before uerror). */
function errorOf(m: Machine, k: number, steps: Step[], at: number): SearchError {
  const e = m.errors[k]!;
  return { kind: e.kind, message: e.message, line: e.line, steps, depth: at + (isTraceError(e.kind) ? 1 : 0) };
}

function result(m: Machine, store: VisitedStates, S: Uint8Array, stored: number, matched: number, atomicSteps: number,
  depthReached: number, depthLimitHit: boolean, memoryLimitHit: boolean, vec: number, t0: number,
  error: SearchError | null, frames = 0): SearchResult {
  return {
    statesStored: stored, statesMatched: matched, atomicSteps, depthReached, depthLimitHit, memoryLimitHit,
    memoryBytes: store.bytes + S.length + frames * 44, stateVectorBytes: vec - m.layout.hidden.len,
    elapsedSeconds: (performance.now() - t0) / 1000, error, storeReport: store.reportLines(),
  };
}

/** pan's progress line. */
export function progressLine(depth: number, states: number, transitions: number, memBytes: number, t0: number): string {
  const t = (performance.now() - t0) / 1000;
  const g = (x: number) => x.toPrecision(3).replace(/\.?0+e/, 'e').replace(/e\+?(\d)$/, 'e+0$1');
  return `Depth= ${String(depth).padStart(7)} States= ${g(states).padStart(8)} Transitions= ${g(transitions).padStart(8)} ` +
    `Memory= ${(memBytes / 1048576).toFixed(3).padStart(9)}\tt= ${t.toFixed(2).padStart(8)} R= ${g(Math.round(states / Math.max(t, 1e-9))).padStart(7)}`;
}

/** The errors of a trace or notrace (event-trace.ts), which pan reports one level deeper. */
export function isTraceError(kind: string): boolean {
  return kind === 'trace' || kind === 'notrace';
}
