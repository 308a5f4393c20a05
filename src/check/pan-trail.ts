// Recovers the moves of a trail written by SPIN's pan. pan's lines name the process that
// moved and pan's own transition number, whose numbering (SPIN's state numbers) the
// checker does not reproduce; so the moves are found again from the processes alone: at
// each step, the moves that process can make (with pan's rules for else, unless,
// rendezvous and timeout) are tried in order, depth first, until a sequence follows every
// line. It succeeds when the trail ends at an error or simply ends (a deadlock); a step
// that errs before the last line, or no executable move, backtracks.
//
// Rejected: mapping pan's transition numbers to ours by rebuilding SPIN's state numbering,
// which depends on details of SPIN's parser (post-order numbering, merged jumps) that
// would have to be matched exactly and break silently when they are not.
import { IO } from './codegen.js';
import { ModelError } from './errors.js';
import type { Machine } from './machine.js';
import type { Step } from './search.js';

/** Work allowed before giving up on an ambiguous trail (executed moves). */
const BUDGET = 2_000_000;

interface Frame { S: Uint8Array; L: number; boq: number; options: number[]; next: number }

export function resolvePanTrail(m: Machine, pids: number[]): Step[] {
  const { io } = m;
  const slack = 2 * Math.max(...m.procSize, 16) + 64;
  let S0 = new Uint8Array(1 << 16);
  io.fill(0);
  m.init(S0);
  const L0 = io[IO.LEN]!;
  S0 = S0.slice(0, L0 + slack);
  let budget = BUDGET;

  // The moves process pid can make in S (each with its outcome tried on a copy).
  const movesOf = (S: Uint8Array, L: number, boq: number, pid: number, last: boolean): number[] => {
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
        if ((r === 2 || io[IO.ERR] !== 0) && !last) continue;
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
    m.exec(t, T, 0, b, pid);
    return { S: T, L: io[IO.LEN]!, boq: io[IO.BOQ]!, options: [], next: 0 };
  };

  const stack: Frame[] = [{ S: S0, L: L0, boq: 0, options: [], next: 0 }];
  stack[0]!.options = pids.length ? movesOf(S0, L0, 0, pids[0]!, pids.length === 1) : [];
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
    g.options = movesOf(g.S, g.L, g.boq, pids[i + 1]!, i + 2 === pids.length);
    stack.push(g);
  }
  throw new ModelError(`pan's trail does not fit this model: no sequence of moves follows its ${pids.length} steps`, null);
}
