// The verdict, as pan words it (text) or as one JSON object whose field names other tools
// rely on: model, errors, error{kind,message,line,trail,depth}, statesStored, statesMatched,
// transitions, atomicSteps, depthReached, maxDepth, depthLimitHit, stateVectorBytes,
// memoryMB, elapsedSeconds, statesPerSecond, memoryLimitHit.
// stateVectorBytes is the size of the checker's own state (bytes packed, no C padding nor
// pan's per-process headers), so smaller than pan's "State-vector" line; the text says so.
// The error's depth (text "(at depth N)", JSON error.depth) is pan's, which the search
// that found the error knows (SearchError.depth). Rejected (what this file did before): deriving it here
// from the trail's length: right for a safety search's errors, but pan prints a cycle at
// the depth where it closes, an error inside a nested search at that search's seed, an
// end of the claim at the state's own depth, and counts fairness stutters the trail has not.
import type { SearchResult } from './search.js';

export interface Verdict {
  model: string;
  errors: number;
  /** depth: pan's "(at depth N)" for the error (SearchError.depth), not the trail's length. */
  error: null | { kind: string; message: string; line: number | null; trail: string | null; depth: number };
  statesStored: number;
  statesMatched: number;
  transitions: number;
  atomicSteps: number;
  depthReached: number;
  maxDepth: number;
  depthLimitHit: boolean;
  stateVectorBytes: number;
  memoryMB: number;
  elapsedSeconds: number;
  statesPerSecond: number;
  memoryLimitHit: boolean;
  /** 'exact', 'hc' (hash compaction) or 'bitstate', and what pan reports about it. */
  store: string;
  storeReport: string[];
}

export function verdict(model: string, r: SearchResult, maxDepth: number, trail: string | null, store = 'exact'): Verdict {
  const elapsed = Math.round(r.elapsedSeconds * 1000) / 1000;
  return {
    model,
    errors: r.error ? 1 : 0,
    error: r.error ? { kind: r.error.kind, message: r.error.message, line: r.error.line, trail, depth: r.error.depth } : null,
    statesStored: r.statesStored,
    statesMatched: r.statesMatched,
    transitions: r.statesStored + r.statesMatched,
    atomicSteps: r.atomicSteps,
    depthReached: r.depthReached,
    maxDepth,
    depthLimitHit: r.depthLimitHit,
    stateVectorBytes: r.stateVectorBytes,
    memoryMB: Math.round(r.memoryBytes / 1048576 * 1000) / 1000,
    elapsedSeconds: elapsed,
    statesPerSecond: Math.round(r.statesStored / Math.max(r.elapsedSeconds, 1e-6)),
    memoryLimitHit: r.memoryLimitHit,
    store,
    storeReport: r.storeReport,
  };
}

export function formatVerdict(v: Verdict): string {
  const n = (x: number) => String(x).padStart(9);
  const lines: string[] = [];
  if (v.depthLimitHit) lines.push(`error: max search depth too small (--max-depth ${v.maxDepth})`);
  if (v.memoryLimitHit) lines.push('error: out of memory (--memlim reached); the figures below cover a partial search');
  if (v.error) {
    lines.push(`gosched:1: ${v.error.message}${v.error.line !== null ? ` (line ${v.error.line})` : ''} (at depth ${v.error.depth})`);
    if (v.error.trail) lines.push(`gosched: wrote ${v.error.trail}`);
  }
  lines.push(
    `(gosched check) ${v.model}: ${v.errors} error${v.errors === 1 ? '' : 's'}${v.memoryLimitHit || v.error ? ' (search stopped early)' : ''}`,
    `State-vector ${v.stateVectorBytes} byte (gosched's packed layout, not pan's), depth reached ${v.depthReached}, errors: ${v.errors}`,
    `${n(v.statesStored)} states, stored`,
    `${n(v.statesMatched)} states, matched`,
    `${n(v.transitions)} transitions (= stored+matched)`,
    `${n(v.atomicSteps)} atomic steps`,
    ...v.storeReport,
    `memory usage (MB): ${v.memoryMB.toFixed(3)}`,
    `elapsed time ${v.elapsedSeconds} seconds, rate ${v.statesPerSecond} states/second`,
  );
  return lines.join('\n') + '\n';
}
