// Process priorities as pan 6.5.2 verifies them (HAS_PRIORITY, pangen1.h's
// highest_priority, get_priority, set_priority): pan does not ignore them in a verification.
// Each process holds a priority byte (here the local `_priority`, its first variable); a
// process may move only if no other process of strictly higher priority could move (its
// provided clause true and pan's enabled() of it true); the never claim is exempt.
// `active proctype P() priority N` starts its copies at N, `run P() priority N` the new
// process at N, a run without one at 1 (not at P's declared priority), as pan does.
// set_priority(pid, pr) is always executable, does nothing for a pid with no process, and
// is pan's error "priority is out of range" for pr outside 1..255.
// Rejected: a priority table outside the state vector: set_priority and `_priority = v`
// change it, so it is part of the state (pan keeps it in the process's record).
import { IO } from './codegen.js';
import type { Layout } from './layout.js';

/** The generated code's priority helpers (GP, SP, HP) for a model that uses priorities. */
export function prioritySource(lay: Layout, procBase: number): string {
  const off = lay.procs.map((p) => p.vars.get('_priority')?.off ?? 0);
  const claim = lay.claimType;
  return `const PRIO = [${off.join(',')}];
const PRSIZE = [${lay.procs.map((p) => p.size).join(',')}];
function recOf(S, o, pid) { let b = o + ${procBase}; for (let j = 0; j < pid; j++) b += PRSIZE[S[b]]; return b; }
function GP(S, o, pid) {
  if (pid < 0 || pid >= S[o]) return 0;
  const b = recOf(S, o, pid);
  return S[b + PRIO[S[b]]];
}
function SP(S, o, pid, pr, k) {
  if (pid < 0 || pid >= S[o]) return 1;
  if (pr < 1 || pr > 255) { fail(k); return 1; }
  const b = recOf(S, o, pid);
  S[b + PRIO[S[b]]] = pr;
  return 1;
}
function HP(S, o, b, pid) {
  if (S[b] === ${claim}) return 1;
  const mine = S[b + PRIO[S[b]]], n = S[o];
  // EN copies the vector by io's length, which the liveness search sets only before a
  // move: here it is the records' end, as the state at S[o..] has it.
  const len = io[${IO.LEN}];
  let end = o + ${procBase};
  for (let i = 0; i < n; i++) end += PRSIZE[S[end]];
  io[${IO.LEN}] = end - o;
  let yes = 1;
  for (let i = 0, x = o + ${procBase}; i < n && yes; i++) {
    const t = S[x];
    if (i !== pid && S[x + PRIO[t]] > mine && prov0(t, S, o, x, i) && EN(S, o, i, pid, 0)) yes = 0;
    x += PRSIZE[t];
  }
  io[${IO.LEN}] = len;
  return yes;
}`;
}
