// Replays a list of moves from the initial state and lists them as `spin -t -p` does:
// step, process, source line, state, statement, then the variables the step changed.
// printf output appears as the statements execute. Used for counterexamples and for
// `gosched replay`.
import { IO } from './codegen.js';
import { leaves, type VarInfo } from './layout.js';
import type { Machine } from './machine.js';
import type { Step } from './search.js';
import { ModelError } from './errors.js';

export interface ReplayOutcome { error: { kind: string; message: string; line: number | null } | null; steps: number }

export function replay(m: Machine, file: string, steps: Step[], out: (s: string) => void): ReplayOutcome {
  const { io } = m;
  let S = new Uint8Array(1 << 16);
  io.fill(0);
  m.init(S);
  let L = io[IO.LEN]!;
  let boq = 0;
  m.print = (text) => out(text);
  const values = (buf: Uint8Array, len: number) => snapshot(m, buf, len);
  let before = values(S, L);
  for (let i = 0; i < steps.length; i++) {
    const { pid, tid } = steps[i]!;
    const n = S[0]!;
    if (pid >= n) throw new ModelError(`trail step ${i + 1}: there is no process ${pid}`, null);
    let b = m.procBase;
    for (let j = 0; j < pid; j++) b += m.procSize[S[b]!]!;
    const type = S[b]!, pc = S[b + 1]! | S[b + 2]! << 8;
    const t = m.trans[tid];
    if (!t || t.type !== type || !Array.from(m.transOf[type]![pc]!).includes(tid)) {
      throw new ModelError(`trail step ${i + 1}: process ${pid} cannot take transition ${tid} here (trail and model differ)`, null);
    }
    const next = new Uint8Array(S.length + 4096);
    next.set(S.subarray(0, L));
    let r = 0;
    for (const timeout of [0, 1]) {
      io[IO.LEN] = L; io[IO.BOQ] = boq; io[IO.TIMEOUT] = timeout; io[IO.ERR] = 0; io[IO.PRINT] = 1;
      next.set(S.subarray(0, L));
      r = m.exec(tid, next, 0, b, pid);
      if (r !== 0 || io[IO.ERR] !== 0 || !m.usesTimeout) break;
    }
    io[IO.PRINT] = 0;
    const name = m.procNames[type]!;
    out(`${String(i + 1).padStart(4)}:\tproc ${String(pid).padStart(2)} (${name}:${pid}) ${file}:${t.line} (state ${pc})\t[${t.text}]\n`);
    if (r === 2 || io[IO.ERR] !== 0) {
      const e = m.errors[io[IO.ERRINFO]!]!;
      out(`${e.kind === 'assertion' ? 'spin: ' : ''}${file}:${e.line ?? t.line}, Error: ${e.message}\n`);
      return { error: e, steps: i + 1 };
    }
    if (r === 0) throw new ModelError(`trail step ${i + 1}: the move is not executable (trail and model differ)`, null);
    S = next; L = io[IO.LEN]!; boq = io[IO.BOQ]!;
    const after = values(S, L);
    for (const [k, v] of after) if (before.get(k) !== v) out(`\t\t${k} = ${v}\n`);
    before = after;
  }
  return { error: null, steps: steps.length };
}

/** Whether the state a trail leads to is an invalid end state, and which processes are stuck. */
export function stuckProcesses(m: Machine, steps: Step[]): string[] {
  const { io } = m;
  const S = new Uint8Array(1 << 16);
  io.fill(0);
  m.init(S);
  let L = io[IO.LEN]!;
  let boq = 0;
  for (const { pid, tid } of steps) {
    let b = m.procBase;
    for (let j = 0; j < pid; j++) b += m.procSize[S[b]!]!;
    let r = 0;
    const copy = S.slice(0, L);
    for (const timeout of [0, 1]) {
      S.set(copy);
      io[IO.LEN] = L; io[IO.BOQ] = boq; io[IO.TIMEOUT] = timeout; io[IO.ERR] = 0;
      r = m.exec(tid, S, 0, b, pid);
      if (r !== 0 || !m.usesTimeout) break;
    }
    L = io[IO.LEN]!; boq = io[IO.BOQ]!;
  }
  const stuck: string[] = [];
  let b = m.procBase;
  for (let j = 0; j < S[0]!; j++) {
    const type = S[b]!, pc = S[b + 1]! | S[b + 2]! << 8;
    if (m.endPc[type]![pc] !== 1) {
      stuck.push(`proc ${j} (${m.procNames[type]}) at line ${m.layout.procs[type]!.flow.lines[pc]} (state ${pc})`);
    }
    b += m.procSize[type]!;
  }
  return stuck;
}

function snapshot(m: Machine, S: Uint8Array, len: number): Map<string, string> {
  const vals = new Map<string, string>();
  const put = (name: string, v: VarInfo, base: number) => {
    if (v.decl.type === 'chan' && v.decl.chan) return;
    for (const leaf of leaves(v.decl, base + v.off, m.layout, name)) {
      const at = leaf.off, t = leaf.decl.type;
      const x = t === 'short' ? (S[at]! | S[at + 1]! << 8) << 16 >> 16 : t === 'int' ? S[at]! | S[at + 1]! << 8 | S[at + 2]! << 16 | S[at + 3]! << 24 : S[at]!;
      vals.set(leaf.name, String(x));
    }
  };
  for (const [name, v] of m.layout.globals) put(name, v, 0);
  for (const c of m.layout.chans) {
    const q = c.off, n = S[q]!;
    const msgs: string[] = [];
    for (let k = 0; k < n; k++) {
      msgs.push(c.fields.map((_, f) => {
        const at = q + 1 + k * c.slot + c.fieldOff[f]!;
        const sz = c.slot && (c.fieldOff[f + 1] ?? c.slot) - c.fieldOff[f]!;
        return String(sz === 2 ? (S[at]! | S[at + 1]! << 8) << 16 >> 16 : sz === 4 ? S[at]! | S[at + 1]! << 8 | S[at + 2]! << 16 | S[at + 3]! << 24 : S[at]!);
      }).join(','));
    }
    vals.set(`queue ${c.id} (${c.name})`, msgs.map((x) => `[${x}]`).join(''));
  }
  let b = m.procBase;
  for (let j = 0; j < S[0]! && b < len; j++) {
    const type = S[b]!;
    const p = m.layout.procs[type]!;
    for (const [name, v] of p.vars) put(`${p.name}(${j}):${name}`, v, b);
    b += p.size;
  }
  return vals;
}
