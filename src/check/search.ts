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
import { StateStore } from './state-store.js';

export interface SearchOptions {
  maxDepth: number;
  memLimitBytes: number;
  /** Called with pan's progress line every million stored states. */
  progress?: (line: string) => void;
}

export interface Step { pid: number; tid: number }

export interface SearchError { kind: string; message: string; line: number | null; steps: Step[] }

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
}

export function search(m: Machine, opts: SearchOptions): SearchResult {
  const t0 = performance.now();
  const { exec, io, transOf, isElse, atomic, isRecv, procSize, procBase, endPc } = m;
  const maxDepth = opts.maxDepth;
  const slack = 2 * Math.max(...procSize, 16) + 64;
  let S = new Uint8Array(1 << 16);
  io.fill(0);
  const store = new StateStore();
  let stored = 0, matched = 0, atomicSteps = 0, depthReached = 0, depthLimitHit = false, memoryLimitHit = false;
  m.init(S);
  const vecLen = io[IO.LEN]!;
  if (io[IO.ERR]) return done(errorOf(io[IO.ERRINFO]!, []), vecLen);
  store.add(S, 0, vecLen);
  stored = 1;

  // One frame per depth level: the state (off, len) and where its expansion stands.
  let cap = 1024;
  let off = new Int32Array(cap), len = new Int32Array(cap), cur = new Int32Array(cap), upto = new Int32Array(cap);
  let tix = new Int32Array(cap), moved = new Uint8Array(cap), nMoves = new Int32Array(cap), inAtomic = new Uint8Array(cap);
  let boqOf = new Int32Array(cap), sender = new Int32Array(cap), tmo = new Uint8Array(cap);
  let tidOf = new Int32Array(cap), pidOf = new Int32Array(cap);
  const grow = () => {
    cap *= 2;
    const g32 = (a: Int32Array) => { const b = new Int32Array(cap); b.set(a); return b; };
    const g8 = (a: Uint8Array) => { const b = new Uint8Array(cap); b.set(a); return b; };
    off = g32(off); len = g32(len); cur = g32(cur); upto = g32(upto); tix = g32(tix); nMoves = g32(nMoves);
    boqOf = g32(boqOf); sender = g32(sender); tidOf = g32(tidOf); pidOf = g32(pidOf);
    moved = g8(moved); inAtomic = g8(inAtomic); tmo = g8(tmo);
  };
  const open = (lv: number, o: number, L: number, atomicPid: number, boq: number, from: number) => {
    off[lv] = o; len[lv] = L;
    cur[lv] = atomicPid >= 0 ? atomicPid : S[o]! - 1;
    upto[lv] = atomicPid >= 0 ? atomicPid : 0;
    inAtomic[lv] = atomicPid >= 0 ? 1 : 0;
    tix[lv] = 0; moved[lv] = 0; nMoves[lv] = 0; tmo[lv] = 0;
    boqOf[lv] = boq; sender[lv] = from;
  };
  const trail = (lv: number): Step[] => {
    const steps: Step[] = [];
    for (let i = 1; i <= lv; i++) steps.push({ pid: pidOf[i]!, tid: tidOf[i]! });
    return steps;
  };
  function errorOf(k: number, steps: Step[]): SearchError {
    const e = m.errors[k]!;
    return { kind: e.kind, message: e.message, line: e.line, steps };
  }
  let warned = false;
  const progressEvery = 1_000_000;
  let nextProgress = progressEvery;
  let nextMemCheck = 1 << 16;

  open(0, 0, vecLen, -1, 0, -1);
  let level = 0;
  let error: SearchError | null = null;
  search: while (level >= 0) {
    const o = off[level]!, L = len[level]!, boq = boqOf[level]!;
    let II = cur[level]!, ti = tix[level]!, mv = moved[level]!;
    const to = upto[level]!;
    let found = -1;
    while (II >= to) {
      if (boq !== 0 && II === sender[level]) { II--; ti = 0; mv = 0; continue; }
      let b = o + procBase;
      for (let j = 0; j < II; j++) b += procSize[S[b]!]!;
      const list = transOf[S[b]!]![S[b + 1]! | S[b + 2]! << 8]!;
      while (ti < list.length) {
        const t = list[ti++]!;
        if (mv !== 0 && isElse[t] !== 0) continue;
        if (boq !== 0 && isRecv[t] === 0) continue;
        const c = o + L;
        if (c + L + slack > S.length) { const n = new Uint8Array(S.length * 2); n.set(S); S = n; }
        S.copyWithin(c, o, o + L);
        io[IO.LEN] = L; io[IO.BOQ] = boq; io[IO.TIMEOUT] = tmo[level]!;
        const r = exec(t, S, c, c + (b - o), II);
        if (r === 0) continue;
        if (r === 2 || io[IO.ERR] !== 0) {
          const steps = trail(level); steps.push({ pid: II, tid: t });
          error = errorOf(io[IO.ERRINFO]!, steps);
          break search;
        }
        mv = 1; found = t;
        break;
      }
      if (found >= 0) break;
      II--; ti = 0; mv = 0;
    }
    cur[level] = II; tix[level] = ti; moved[level] = mv;

    if (found >= 0) {
      nMoves[level]!++;
      const newBoq = io[IO.BOQ]!;
      const isAtomic = newBoq === 0 && atomic[found] !== 0;
      if (isAtomic) atomicSteps++;
      const depth = level + 1;
      if (depth >= maxDepth) {
        if (!warned) { warned = true; depthLimitHit = true; }
        matched++;
        continue;
      }
      const c = o + L, L2 = io[IO.LEN]!;
      if (newBoq === 0 && !isAtomic) {
        if (!store.add(S, c, L2)) { matched++; continue; }
        stored++;
        if (stored === nextProgress) {
          nextProgress += progressEvery;
          opts.progress?.(progressLine(depthReached, stored, stored + matched, store.bytes + S.length, t0));
        }
        if (stored >= nextMemCheck) {
          nextMemCheck += 1 << 16;
          if (store.bytes + S.length > opts.memLimitBytes) { memoryLimitHit = true; break search; }
        }
      }
      if (depth > depthReached) depthReached = depth;
      level = depth;
      if (level >= cap) grow();
      open(level, c, L2, isAtomic ? II : -1, newBoq, newBoq !== 0 ? II : -1);
      tidOf[level] = found; pidOf[level] = II;
      continue;
    }

    if (nMoves[level] === 0 && boq === 0 && S[o] !== 0 && level < maxDepth - 1) {
      if (inAtomic[level]) {
        // Blocked inside an atomic sequence: atomicity is lost, the state is stored now.
        if (!store.add(S, o, L)) { matched++; level--; continue; }
        stored++;
        open(level, o, L, -1, 0, -1);
        continue;
      }
      if (m.usesTimeout && tmo[level] === 0) {
        cur[level] = S[o]! - 1; upto[level] = 0; tix[level] = 0; moved[level] = 0; tmo[level] = 1;
        continue;
      }
      if (!endState(o)) {
        error = { kind: 'invalid-end-state', message: 'invalid end state', line: null, steps: trail(level) };
        break;
      }
    }
    level--;
  }
  return done(error, vecLen);

  function endState(o: number): boolean {
    let b = o + procBase;
    for (let j = 0, n = S[o]!; j < n; j++) {
      if (endPc[S[b]!]![S[b + 1]! | S[b + 2]! << 8] !== 1) return false;
      b += procSize[S[b]!]!;
    }
    return true;
  }

  function done(err: SearchError | null, vec: number): SearchResult {
    return {
      statesStored: stored, statesMatched: matched, atomicSteps,
      depthReached, depthLimitHit, memoryLimitHit,
      memoryBytes: store.bytes + S.length + cap * 40, stateVectorBytes: vec,
      elapsedSeconds: (performance.now() - t0) / 1000, error: err,
    };
  }
}

/** pan's progress line. */
export function progressLine(depth: number, states: number, transitions: number, memBytes: number, t0: number): string {
  const t = (performance.now() - t0) / 1000;
  const g = (x: number) => x.toPrecision(3).replace(/\.?0+e/, 'e').replace(/e\+?(\d)$/, 'e+0$1');
  return `Depth= ${String(depth).padStart(7)} States= ${g(states).padStart(8)} Transitions= ${g(transitions).padStart(8)} ` +
    `Memory= ${(memBytes / 1048576).toFixed(3).padStart(9)}\tt= ${t.toFixed(2).padStart(8)} R= ${g(Math.round(states / Math.max(t, 1e-9))).padStart(7)}`;
}
