// Recovers the moves of a trail written by SPIN's pan. pan's lines name the process that
// moved and pan's own transition number: SPIN's number for the statement's element, counted
// on across the proctypes in declaration order. The moves are found by search: at each
// step, the moves that process can make (with pan's rules for else, unless, rendezvous and
// timeout) are tried depth first, those whose number matches pan's first, until a
// sequence follows every line. It succeeds when the trail ends at an error or simply ends
// (a deadlock); a step that errs before the last line, or no executable move, backtracks.
// One exception: pan's trail for a trace's error (event-trace.ts) may be one line too long:
// require() raises the depth before uerror, which raises it again to take in the failed
// step, so the frame after that step is written too when the search had been deeper
// before (a move it left behind; trace_dstep_array); an error of the trace at the line
// before the last ends the replay there.
//
// Rejected: taking pan's numbers as the only key. The checker rebuilds SPIN's numbering
// (element-order.ts) from details of SPIN's parser that could drift unnoticed; used as a
// preference, a wrong number costs only search, never a wrong or refused replay.
import { IO } from './codegen.js';
import { ModelError } from './errors.js';
import type { Machine } from './machine.js';
import type { Step } from './search.js';

/** Work allowed before giving up on an ambiguous trail (executed moves). */
const BUDGET = 2_000_000;

interface Frame { S: Uint8Array; L: number; boq: number; options: number[]; next: number; err?: boolean }

/** pan's number (t_id) for each of the checker's transitions, -1 where unknown: its
 * statement's element number less one, after the elements of the proctypes declared
 * before its own. */
export function panTransitionIds(m: Machine): Int32Array {
  const first = new Map<number, number>();
  let count = 0;
  // A trace is one of pan's proctypes too: its elements come where it is declared.
  let trace = m.trace;
  for (const p of [...m.layout.procs].sort((a, b) => a.decl.order - b.decl.order)) {
    if (trace && p.decl.order >= trace.order) { count += trace.elements; trace = null; }
    first.set(p.type, count); count += p.flow.elements;
  }
  return Int32Array.from(m.trans, (x) => (x.spinState < 0 ? -1 : first.get(x.type)! + x.spinState - 1));
}

export function resolvePanTrail(m: Machine, pids: number[], tids: number[] = []): Step[] {
  const { io } = m;
  const slack = 2 * Math.max(...m.procSize, 16) + 64;
  let S0 = new Uint8Array(1 << 16);
  io.fill(0);
  m.init(S0);
  const L0 = io[IO.LEN]!;
  S0 = S0.slice(0, L0 + slack);
  let budget = BUDGET;
  const panId = panTransitionIds(m);
  const byPanId = (ok: number[], step: number) => {
    const want = tids[step];
    return want === undefined ? ok : [...ok.filter((t) => panId[t] === want), ...ok.filter((t) => panId[t] !== want)];
  };

  // The moves process pid can make in S (each with its outcome tried on a copy).
  const traceErr = (k: number) => m.errors[k]?.kind === 'trace' || m.errors[k]?.kind === 'notrace';
  const movesOf = (S: Uint8Array, L: number, boq: number, pid: number, last: boolean, penultimate = false): number[] => {
    if (pid >= S[0]!) return [];
    let b = m.procBase;
    for (let j = 0; j < pid; j++) b += m.procSize[S[b]!]!;
    const list = m.transOf[S[b]!]![S[b + 1]! | S[b + 2]! << 8]!;
    for (const timeout of [0, 1]) {
      const ok: number[] = [];
      let moved = false, escaped = 0;
      for (const t of list) {
        if (moved && m.isElse[t]) continue;
        if (escaped !== 0 && m.unlessRole[t] !== escaped) continue;
        if (boq !== 0 && !m.isRecv[t]) continue;
        if (--budget < 0) throw new ModelError(`pan's trail is too ambiguous to follow (more than ${BUDGET} moves tried)`, null);
        const T = new Uint8Array(L + slack);
        T.set(S.subarray(0, L));
        io[IO.LEN] = L; io[IO.BOQ] = boq; io[IO.TIMEOUT] = timeout; io[IO.ERR] = 0;
        const r = m.exec(t, T, 0, b, pid);
        if (r === 0 && io[IO.ERR] === 0) continue;
        moved = true;
        if (m.unlessRole[t] !== 0 && m.unlessRole[t] !== 255) escaped = m.unlessRole[t]!;
        // An error ends pan's search: only the trail's last step may be one.
        if ((r === 2 || io[IO.ERR] !== 0) && !last && !(penultimate && io[IO.ERR] !== 0 && traceErr(io[IO.ERRINFO]!))) continue;
        ok.push(t);
      }
      if (ok.length > 0 || !m.usesTimeout) return ok;
    }
    return [];
  };

  const apply = (f: Frame, t: number, pid: number): Frame => {
    let b = m.procBase;
    for (let j = 0; j < pid; j++) b += m.procSize[f.S[b]!]!;
    const T = new Uint8Array(f.L + slack);
    T.set(f.S.subarray(0, f.L));
    io[IO.LEN] = f.L; io[IO.BOQ] = f.boq; io[IO.TIMEOUT] = 1; io[IO.ERR] = 0;
    const r = m.exec(t, T, 0, b, pid);
    return { S: T, L: io[IO.LEN]!, boq: io[IO.BOQ]!, options: [], next: 0, err: r === 2 || io[IO.ERR] !== 0 };
  };

  const stack: Frame[] = [{ S: S0, L: L0, boq: 0, options: [], next: 0 }];
  stack[0]!.options = pids.length ? byPanId(movesOf(S0, L0, 0, pids[0]!, pids.length === 1, pids.length === 2), 0) : [];
  if (pids.length === 0) return [];
  const chosen: number[] = [];
  while (stack.length > 0) {
    const i = stack.length - 1;
    const f = stack[i]!;
    if (f.next >= f.options.length) { stack.pop(); chosen.pop(); continue; }
    const t = f.options[f.next++]!;
    chosen[i] = t; chosen.length = i + 1;
    if (i + 1 === pids.length) return pids.map((pid, k) => ({ pid, tid: chosen[k]! }));
    const g = apply(f, t, pids[i]!);
    // Only a trace's error gets here before the last line (see movesOf): its trail ends here.
    if (g.err) return pids.slice(0, i + 1).map((pid, k) => ({ pid, tid: chosen[k]! }));
    g.options = byPanId(movesOf(g.S, g.L, g.boq, pids[i + 1]!, i + 2 === pids.length, i + 3 === pids.length), i + 1);
    stack.push(g);
  }
  throw new ModelError(`pan's trail does not fit this model: no sequence of moves follows its ${pids.length} steps`, null);
}
