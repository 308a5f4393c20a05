// Replays a list of moves from the initial state and lists them as `spin -t -p` does:
// step, process, source line, state, statement, then the variables the step changed.
// printf output appears as the statements execute. Used for counterexamples and for
// `gosched replay`.
import { IO } from './codegen.js';
import { leaves, type VarInfo } from './layout.js';
import type { Machine } from './machine.js';
import type { Step } from './search.js';
import { ModelError } from './errors.js';
import { displayName } from './promela/scopes.js';

export interface ReplayOutcome {
  error: { kind: string; message: string; line: number | null } | null;
  steps: number;
  /** The state vector the replay ended in, and its length. */
  state: Uint8Array;
  len: number;
  /** With a cycle start: whether the last state is the state the cycle started in. */
  cycleCloses: boolean | null;
}

export function replay(m: Machine, file: string, steps: Step[], out: (s: string) => void, cycleStart: number | null = null): ReplayOutcome {
  const { io } = m;
  let S: Uint8Array = new Uint8Array(1 << 16);
  io.fill(0);
  m.init(S);
  let L = io[IO.LEN]!;
  let boq = 0;
  m.print = (text) => out(text);
  const values = (buf: Uint8Array, len: number) => snapshot(m, buf, len);
  let before = values(S, L);
  let cycleState: Uint8Array | null = null;
  const same = (a: Uint8Array | null, b: Uint8Array, n: number) => a !== null && a.length === n && a.every((x, j) => x === b[j]);
  for (let i = 0; i < steps.length; i++) {
    if (i === cycleStart) cycleState = S.slice(0, L);
    const { pid, tid } = steps[i]!;
    const n = S[0]!;
    if (i === cycleStart) out('  <<<<<START OF CYCLE>>>>>\n');
    if (pid >= n) throw new ModelError(`trail step ${i + 1}: there is no process ${pid}`, null);
    // pid -1 is the never claim, whose record sits before the globals.
    if (pid < 0 && m.claimType < 0) throw new ModelError(`trail step ${i + 1}: a claim move, but the model has no claim (check it with the same --ltl/--non-progress)`, null);
    let b = pid < 0 ? m.claimOff : m.procBase;
    for (let j = 0; j < pid; j++) b += m.procSize[S[b]!]!;
    const type = S[b]!, pc = S[b + 1]! | S[b + 2]! << 8;
    const t = m.trans[tid];
    if (!t || t.type !== type || !Array.from(m.transOf[type]![pc]!).includes(tid)) {
      throw new ModelError(`trail step ${i + 1}: process ${pid} cannot take transition ${tid} here (trail and model differ)`, null);
    }
    // Room for the step to grow the vector (a run adds a process), not a copy of all
    // the room earlier steps had.
    const next = room(S, L);
    let r = 0;
    for (const timeout of [0, 1]) {
      io[IO.LEN] = L; io[IO.BOQ] = boq; io[IO.TIMEOUT] = timeout; io[IO.ERR] = 0; io[IO.PRINT] = 1;
      io[IO.NP] = atProgress(m, S) ? 0 : 1;
      next.set(S.subarray(0, L));
      r = m.exec(tid, next, 0, b, pid);
      if (r !== 0 || io[IO.ERR] !== 0 || !m.usesTimeout) break;
    }
    io[IO.PRINT] = 0;
    const name = m.procNames[type]!;
    // spin -t -p's layout: step number in 3 columns; the instance shown as name:1 (spin
    // prints the process's priority there, 1 unless set: its `_priority` before the move
    // in a model with priorities); SPIN's number for the statement.
    const st = t.spinState >= 0 ? t.spinState : pc, end = t.endLabel ? ' <valid end state>' : '';
    const prio = m.layout.procs[type]!.vars.get('_priority');
    const pr = prio && pid >= 0 ? S[b + prio.off]! : 1;
    const line = pid < 0
      ? `${String(i + 1).padStart(3)}:\tproc  - (never claim) line ${t.line} (state ${st})${end}\t[${t.text}]\n`
      : `${String(i + 1).padStart(3)}:\tproc ${String(pid).padStart(2)} (${name}:${pr}) ${t.file ?? file}:${t.line} (state ${st})${end}\t[${t.text}]\n`;
    if (r === 2 || io[IO.ERR] !== 0) {
      const e = m.errors[io[IO.ERRINFO]!]!;
      if (e.kind === 'assertion') {
        out(`spin: ${t.file ?? file}:${e.line ?? t.line}, Error: assertion violated\nspin: text of failed assertion: ${t.text}\n${line}`);
      } else {
        out(`${line}spin: ${t.file ?? file}:${e.line ?? t.line}, Error: ${e.message}\n`);
      }
      return { error: e, steps: i + 1, state: S, len: L, cycleCloses: null };
    }
    if (r !== 0 && next[0]! > n) {
      for (let q = n, nb = (() => { let x = m.procBase; for (let j = 0; j < n; j++) x += m.procSize[next[x]!]!; return x; })(); q < next[0]!; q++) {
        out(`Starting ${m.procNames[next[nb]!]} with pid ${q}\n`);
        nb += m.procSize[next[nb]!]!;
      }
    }
    out(t.text === '-end-' && r !== 0 ? `${String(i + 1).padStart(3)}: proc ${pid} terminates\n` : line);
    if (r === 0) throw new ModelError(`trail step ${i + 1}: the move is not executable (trail and model differ)`, null);
    S = next; L = io[IO.LEN]!; boq = io[IO.BOQ]!;
    const after = values(S, L);
    for (const [k, v] of after) if (before.get(k) !== v) out(`\t\t${displayName(k)} = ${v}\n`);
    before = after;
  }
  return { error: null, steps: steps.length, state: S, len: L, cycleCloses: cycleStart === null ? null : same(cycleState, S, L) };
}

/** The processes of state S that are not at a valid end state (an end label or their
 * closing brace). */
export function stuckProcesses(m: Machine, S: Uint8Array): string[] {
  const stuck: string[] = [];
  let b = m.procBase;
  for (let j = 0; j < S[0]!; j++) {
    const type = S[b]!, pc = S[b + 1]! | S[b + 2]! << 8;
    if (m.endPc[type]![pc] !== 1) {
      const flow = m.layout.procs[type]!.flow, st = flow.spinStates[pc]!;
      stuck.push(`proc ${j} (${m.procNames[type]}) at line ${flow.lines[pc]} (state ${st >= 0 ? st : pc})`);
    }
    b += m.procSize[type]!;
  }
  return stuck;
}

/** Whether a process of state S is at an accept label (pan's o_pm accept bit without a
 * claim: with -a, a state none can move from is then an "accept stutter"). */
export function atAccept(m: Machine, S: Uint8Array): boolean {
  let b = m.procBase;
  for (let j = 0; j < S[0]!; j++) {
    const type = S[b]!;
    if (m.acceptPc[type]![S[b + 1]! | S[b + 2]! << 8] === 1) return true;
    b += m.procSize[type]!;
  }
  return false;
}

/** Whether any process can still move from state S of length L, with timeout if need be
 * (then the state is no deadlock). */
export function canMove(m: Machine, S: Uint8Array, L: number): boolean {
  const { io } = m;
  for (const timeout of [0, 1]) {
    let b = m.procBase;
    for (let pid = 0; pid < S[0]!; pid++) {
      const type = S[b]!, pc = S[b + 1]! | S[b + 2]! << 8;
      for (const tid of m.transOf[type]![pc]!) {
        const T = room(S, L);
        io[IO.LEN] = L; io[IO.TIMEOUT] = timeout; io[IO.ERR] = 0; io[IO.BOQ] = 0;
        if (m.exec(tid, T, 0, b, pid) === 0) continue;
        // A rendezvous offer is a move only if another process can take it (pan's unsend).
        const boq = io[IO.BOQ]!;
        if (boq === 0 || answered(m, T, io[IO.LEN]!, boq, pid)) return true;
      }
      b += m.procSize[type]!;
    }
  }
  return false;
}

/** Whether some process of state S is at a progress label (np_ is its negation). */
function atProgress(m: Machine, S: Uint8Array): boolean {
  let b = m.procBase;
  for (let j = 0; j < S[0]!; j++) {
    if (m.progressPc[S[b]!]![S[b + 1]! | S[b + 2]! << 8]) return true;
    b += m.procSize[S[b]!]!;
  }
  return false;
}

/** A copy of the first L bytes of S with room for a move to grow the vector. */
function room(S: Uint8Array, L: number): Uint8Array {
  const T = new Uint8Array(L + 4096);
  T.set(S.subarray(0, L));
  return T;
}

function answered(m: Machine, S: Uint8Array, L: number, boq: number, sender: number): boolean {
  const { io } = m;
  let b = m.procBase;
  for (let pid = 0; pid < S[0]!; pid++) {
    const type = S[b]!, pc = S[b + 1]! | S[b + 2]! << 8;
    if (pid !== sender) {
      for (const tid of m.transOf[type]![pc]!) {
        if (!m.trans[tid]!.isRendezvousRecv) continue;
        const T = room(S, L);
        io[IO.LEN] = L; io[IO.ERR] = 0; io[IO.BOQ] = boq;
        if (m.exec(tid, T, 0, b, pid) !== 0) return true;
      }
    }
    b += m.procSize[type]!;
  }
  return false;
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
    // A block-scoped twin (`y#2`) has a key of its own but prints as `y`, as SPIN's does.
    for (const [name, v] of p.vars) if (name !== '_priority') put(`${p.name}(${j}):${name}`, v, b);
    b += p.size;
  }
  return vals;
}
