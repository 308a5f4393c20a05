// Compiles a model to JavaScript source, as SPIN compiles it to C: one `exec` function with
// a case per transition that tests executability and, if executable, updates the state
// vector in place. Loaded with `new Function` so V8 optimises it like any other code.
//
// Conventions inside the generated code: S is the byte array holding the state, o the
// offset of the state in it, b the offset of the moving process's record, pid its _pid.
// exec returns 0 (blocked, nothing written), 1 (done) or 2 (error, described in io).
import { ModelError, type Pos } from './errors.js';
import { TY, leaves, typeCode, type Layout, type ProcInfo, type VarInfo } from './layout.js';
import type { Expr, Program, RecvArg, Stmt, VarDecl, VarRef } from './promela/ast.js';
import { exprText, stmtText } from './promela/text.js';
import { prioritySource } from './priority.js';
import { hasGoto } from './dstep-jumps.js';
import type { Trans } from './flow.js';
import { eventTrace, eventTraceSource, type EventTrace } from './event-trace.js';

/** Slots of the shared Int32Array `io` between the search and the generated code; a const
 * enum so that the search loops index io with numbers, not with a property of an object held
 * in the module's context (a load and a check per use in V8's optimised code). */
export const enum IO { LEN = 0, ERR = 1, TIMEOUT = 2, PRINT = 3, BOQ = 4, ERRINFO = 5, NOPROVIDED = 6, NP = 7 }

export interface ErrInfo { kind: string; message: string; line: number | null }

export interface TransInfo {
  id: number; type: number; pc: number; target: number; line: number; text: string;
  /** The included file the statement comes from (relative to the model's directory), if any. */
  file?: string | undefined;
  isElse: boolean; atomic: boolean; isRecv: boolean; isRendezvousRecv: boolean;
  /** See Trans.unless: 1..254 an escape's number, 255 a move an escape overrides. */
  unless: number;
  /** Writes the state only when it moves, and then keeps the vector's length and makes no
   * rendezvous offer: the search may run it in place, with no copy to go back to. */
  inPlace: boolean;
  /** Writes nothing but the process's pc (and _last) when it moves (a condition, else, a
   * jump): the search may try it in place and put those bytes back. */
  pure: boolean;
  /** SPIN's state number of the statement the move executes (as spin -t -p prints it), -1 if
   * unknown, and whether that statement has an end label (spin -t -p's <valid end state>). */
  spinState: number; endLabel: boolean;
}

export interface Generated {
  source: string;
  trans: TransInfo[];
  /** transOf[type][pc]: the transition ids leaving pc, in pan's order. */
  transOf: Int32Array[][];
  errors: ErrInfo[];
  hasRendezvous: boolean;
  /** The model's trace or notrace (event-trace.ts), or null. */
  trace: EventTrace | null;
}

export function generate(prog: Program, lay: Layout): Generated {
  return new Gen(prog, lay).run();
}

/** recBase: where the process record of `proc` starts, when it is not the moving
 * process's (a remote reference `proc[pid]:var`). */
interface Ctx { proc: ProcInfo | null; inDstep: boolean; recBase?: string }

/** exec is one function up to EXEC_SPLIT_CHARS of transition cases, else functions of at
 * most EXEC_GROUP_CHARS each (see execSource). */
const EXEC_SPLIT_CHARS = 24000, EXEC_GROUP_CHARS = 4000;

class Gen {
  private errors: ErrInfo[] = [];
  private trans: TransInfo[] = [];
  private cases: string[] = [];
  private hasRendezvous: boolean;
  private trace: EventTrace | null;

  constructor(private prog: Program, private lay: Layout) {
    this.trace = eventTrace(prog, lay);
    this.hasRendezvous = [...lay.chans, ...lay.procs.flatMap((p) => p.localChans)].some((c) => c.cap === 0);
    // pan.c: "#error use of priorities cannot be combined with rendezvous".
    if (prog.usesPriority && this.hasRendezvous) {
      const rv = [...lay.chans, ...lay.procs.flatMap((p) => p.localChans)].find((c) => c.cap === 0)!;
      throw new ModelError(`use of priorities cannot be combined with rendezvous (channel ${rv.name} has capacity 0)`, null);
    }
  }

  /** spin.y's Mpars: the most message fields of any channel declaration (a typedef's as its
   * leaves); found once per model, on the first send compiled. */
  private mpars: number | null = null;
  private maxMsgFields(): number {
    if (this.mpars === null) {
      const decls = [...this.prog.globals, ...[...this.prog.typedefs.values()].flat(), ...this.prog.procs.flatMap((p) => p.locals)];
      this.mpars = Math.max(0, ...decls.map((d) => d.chan?.fields.length ?? 0));
    }
    return this.mpars;
  }

  private errId(kind: string, message: string, line: number | null): number {
    this.errors.push({ kind, message, line });
    return this.errors.length - 1;
  }

  run(): Generated {
    const L = this.lay;
    const transOf: Int32Array[][] = [];
    for (const p of L.procs) {
      const per: Int32Array[] = [];
      p.flow.trans.forEach((list, pc) => {
        per[pc] = Int32Array.from(list.map((t) => this.transition(p, t)));
      });
      transOf[p.type] = per;
    }
    // Descriptors: the global channels (1..NCH, at fixed offsets CO), then every local
    // channel of every proctype. A channel number above NCH belongs to a live process:
    // QB and QD find its buffer and descriptor by walking the records (see dyn).
    const locals = L.procs.flatMap((p) => p.localChans);
    const chans = [...L.chans, ...locals];
    const dynamic = locals.length > 0;
    const src = `"use strict";
const CO = [0${chans.map((c) => ',' + c.off).join('')}];
const CAP = [0${chans.map((c) => ',' + c.cap).join('')}];
const SS = [0${chans.map((c) => ',' + c.slot).join('')}];
const NF = [0${chans.map((c) => ',' + c.fields.length).join('')}];
const FOFF = [[]${chans.map((c) => ',[' + c.fieldOff.join(',') + ']').join('')}];
const FTY = [[]${chans.map((c) => ',[' + c.fields.map(typeCode).join(',') + ']').join('')}];
const NCH = ${L.chans.length};
${dynamic ? `const PSIZE = [${L.procs.map((p) => p.size).join(',')}];
const NLOC = [${L.procs.map((p) => p.localChans.length).join(',')}];
const LOCB = [${L.procs.map((p) => p.localChans[0]?.id ?? 0).join(',')}];
function dyn(S, o, c, want) {
  let id = NCH, b = o + ${L.procBase};
  for (let p = 0, n = S[o]; p < n; p++) {
    const t = S[b], k = NLOC[t];
    if (c <= id + k) { const d = LOCB[t] + c - id - 1; return want ? d : b + CO[d]; }
    id += k; b += PSIZE[t];
  }
  return want ? 0 : -1;
}
function QB(S, o, c) { return c <= NCH ? o + CO[c] : dyn(S, o, c, 0); }
function QD(S, o, c) { return c <= NCH ? c : dyn(S, o, c, 1); }
function ch(S, o, c, k) { if (c >= 1 && QD(S, o, c) !== 0) return c; fail(k); return 0; }` : `function QB(S, o, c) { return o + CO[c]; }
function QD(S, o, c) { return c; }
function ch(S, o, c, k) { if (c >= 1 && c <= NCH) return c; fail(k); return 0; }`}
const A = new Int32Array(64);
function r16(S, i) { return (S[i] | S[i + 1] << 8) << 16 >> 16; }
function w16(S, i, v) { S[i] = v; S[i + 1] = v >> 8; }
function r32(S, i) { return S[i] | S[i + 1] << 8 | S[i + 2] << 16 | S[i + 3] << 24; }
function w32(S, i, v) { S[i] = v; S[i + 1] = v >> 8; S[i + 2] = v >> 16; S[i + 3] = v >> 24; }
function rd(S, i, t) { return t === ${TY.short} ? r16(S, i) : t === ${TY.int} ? r32(S, i) : S[i]; }
function wr(S, i, t, v) { if (t === ${TY.bit}) S[i] = v & 1; else if (t === ${TY.short}) w16(S, i, v); else if (t === ${TY.int}) w32(S, i, v); else S[i] = v; }
function fail(k) { if (io[${IO.ERR}] === 0) { io[${IO.ERR}] = 1; io[${IO.ERRINFO}] = k; } return 2; }
function ix(i, n, k) { if (i >= 0 && i < n) return i; fail(k); return 0; }
function ixf(k) { fail(k); return 0; }
function dv(a, b, k) { if (b === 0) { fail(k); return 0; } return (a / b) | 0; }
function md(a, b, k) { if (b === 0) { fail(k); return 0; } return a % b | 0; }
function qlen(S, o, c) { return c ? S[QB(S, o, c)] : 0; }
// A rendezvous channel holds its one message only during a hand-off, so as pan's q_full
// (full at one message) it is never full when a process can ask.
function qfull(S, o, c) { return c ? S[QB(S, o, c)] >= (CAP[QD(S, o, c)] || 1) : 0; }
function qfield(S, o, c, f) { const d = QD(S, o, c); return rd(S, QB(S, o, c) + 1 + FOFF[d][f], FTY[d][f]); }
function qsend(S, o, c, n, k) {
  const d = QD(S, o, c);
  if (n !== NF[d]) return fail(k);
  const q = QB(S, o, c), m = S[q], p = q + 1 + m * SS[d];
  for (let f = 0; f < n; f++) wr(S, p + FOFF[d][f], FTY[d][f], A[f]);
  S[q] = m + 1;
  return 1;
}
const PSZ = [${L.procs.map((p) => p.size).join(',')}];
function rhas(S, o, pid) { return pid >= 0 && pid < S[o]; }
function rrec(S, o, pid, type, k) {
  let b = o + ${L.procBase};
  if (pid < 0 || pid >= S[o]) { fail(k); return b; }
  for (let j = 0; j < pid; j++) b += PSZ[S[b]];
  if (S[b] !== type) fail(k);
  return b;
}
function fpid(S, o, type) {
  let b = o + ${L.procBase};
  for (let j = 0; j < S[o]; j++) { if (S[b] === type) return j; b += PSZ[S[b]]; }
  return -1;
}
function rpc(S, o, pid, type) {
  if (pid < 0 || pid >= S[o]) return -1;
  let b = o + ${L.procBase};
  for (let j = 0; j < pid; j++) b += PSZ[S[b]];
  return S[b] === type ? S[b + 1] | S[b + 2] << 8 : -1;
}
function qat(S, o, c, j, f) { const d = QD(S, o, c); return rd(S, QB(S, o, c) + 1 + j * SS[d] + FOFF[d][f], FTY[d][f]); }
function qsorted(S, o, c, n, k) {
  // Appended, then moved before the first message it sorts below (fields compared in
  // order, as stored), as pan's sorted send places it.
  if (qsend(S, o, c, n, k) === 2) return 2;
  const q = QB(S, o, c) + 1, m = S[q - 1] - 1, s = SS[QD(S, o, c)];
  for (let j = 0; j < m; j++) {
    let d = 0;
    for (let f = 0; f < n && d === 0; f++) d = qat(S, o, c, m, f) - qat(S, o, c, j, f);
    if (d < 0) {
      const msg = S.slice(q + m * s, q + (m + 1) * s);
      S.copyWithin(q + (j + 1) * s, q + j * s, q + m * s);
      S.set(msg, q + j * s);
      break;
    }
  }
  return 1;
}
function qdelAt(S, o, c, j) {
  const q = QB(S, o, c), m = S[q], s = SS[QD(S, o, c)];
  S.copyWithin(q + 1 + j * s, q + 1 + (j + 1) * s, q + 1 + m * s);
  S.fill(0, q + 1 + (m - 1) * s, q + 1 + m * s);
  S[q] = m - 1;
}
function qdel(S, o, c) {
  const q = QB(S, o, c), m = S[q], s = SS[QD(S, o, c)];
  S.copyWithin(q + 1, q + 1 + s, q + 1 + m * s);
  S.fill(0, q + 1 + (m - 1) * s, q + 1 + m * s);
  S[q] = m - 1;
}
${this.trace ? this.traceSource(this.trace) : ''}
${L.procs.map((p) => this.runHelper(p)).join('\n')}
${this.execSource()}
${this.provSource()}
${this.prog.usesPriority ? prioritySource(L, L.procBase) : ''}
function init(S) {
  S.fill(0, 0, ${L.procBase});
  const o = 0, b = 0, pid = 0;
  io[${IO.LEN}] = ${L.procBase};
${[...L.globals.values()].map((v) => this.initGlobal(v)).join('\n')}
${L.claimType >= 0 ? `  S[${L.claimOff}] = ${L.claimType}; S[${L.claimOff + 1}] = ${L.procs[L.claimType]!.flow.start & 255}; S[${L.claimOff + 2}] = ${L.procs[L.claimType]!.flow.start >> 8};` : ''}
${this.trace ? `  S[${L.eventOff}] = ${this.trace.start};` : ''}
${[...this.prog.procs].sort((a, b) => a.order - b.order).flatMap((p) => { const q = L.procs.find((x) => x.decl === p)!; return Array.from({ length: p.active }, () => `  run_${q.type}(S, 0${this.prog.usesPriority ? `${', 0'.repeat(this.paramLeaves(q).length)}, ${p.priority ?? 1}` : ''});`); }).join('\n')}
}
return { exec, init, prov };
`;
    return { source: src, trans: this.trans, transOf, errors: this.errors, hasRendezvous: this.hasRendezvous, trace: this.trace };
  }

  /**
   * exec: one switch over all transitions when its source is small, else the cases split
   * into functions of at most EXEC_GROUP_CHARS of source each, exec a switch over which
   * holds the move (GROUP_OF[t]). V8 compiles no function whose bytecode passes 60 KiB
   * (--max-optimized-bytecode-size): a larger exec ran interpreted, a quarter of the
   * liveness search on gosched-wired (539 transitions, 130 kB of cases). The groups are
   * small because V8 compiles a function before all its cases have run and throws the code
   * away (deoptimises) when a case first runs: on gosched-wired, with groups of 24 kB, the
   * exec functions were compiled 30 times, 2.2 s of compiler time; with 4 kB, 0.95 s.
   * Rejected: raising that V8 flag from the CLI: it is process-wide, TurboFan then took
   * 0.65 s to compile the one function, and the library entry points would still not have it.
   */
  private execSource(): string {
    const sw = (cases: string[]) => `  switch (t) {\n${cases.join('\n')}\n  }\n  return 0;`;
    const total = this.cases.reduce((n, c) => n + c.length, 0);
    if (total <= EXEC_SPLIT_CHARS) return `function exec(t, S, o, b, pid) {\n${sw(this.cases)}\n}`;
    const groups: string[][] = [];
    const groupOf: number[] = [];
    let size = EXEC_GROUP_CHARS;
    this.cases.forEach((c, t) => {
      if (size + c.length > EXEC_GROUP_CHARS && size > 0) { groups.push([]); size = 0; }
      groups[groups.length - 1]!.push(c); size += c.length;
      groupOf[t] = groups.length - 1;
    });
    return [
      ...groups.map((g, i) => `function exec_${i}(t, S, o, b, pid) {\n${sw(g)}\n}`),
      `const GROUP_OF = new Uint16Array([${groupOf.join(',')}]);`,
      `function exec(t, S, o, b, pid) {\n  switch (GROUP_OF[t]) {\n${groups.map((_, i) => `    case ${i}: return exec_${i}(t, S, o, b, pid);`).join('\n')}\n  }\n  return 0;\n}`,
    ].join('\n');
  }

  private initGlobal(v: VarInfo): string {
    const end = v.off + v.elem * Math.max(1, v.len);
    // The channels the declaration creates (layout's startupChans), by where their numbers go.
    const made = this.lay.chans.filter((c) => c.at >= v.off && c.at < end).map((c) => `  S[o + ${c.at}] = ${c.id};`);
    if (v.decl.type === 'chan') return made.join('\n');
    return [this.inits(v, 'o', { proc: null, inDstep: false }), ...made].filter((x) => x).join('\n');
  }

  /** Code setting a variable's initial values (every leaf with an initialiser). */
  private inits(v: VarInfo, base: string, ctx: Ctx): string {
    const out: string[] = [];
    if (!v.decl.init && !v.decl.initList && !v.decl.struct) return '';
    for (const leaf of leaves(v.decl, v.off, this.lay)) {
      const list = leaf.decl.initList;
      const init = list ? list[Math.min(leaf.elem, list.length - 1)]! : leaf.decl.init;
      if (init) out.push(`  ${this.store(leaf.decl, `${base} + ${leaf.off}`, this.expr(init, ctx))};`);
    }
    return out.join('\n');
  }

  /** A proctype's parameters as run passes them: a structure parameter as its basic-typed
   * leaves (offsets in the process record), each one argument. */
  private paramLeaves(p: ProcInfo): { decl: VarDecl; off: number }[] {
    return p.params.flatMap((v) => (v.decl.struct ? leaves(v.decl, v.off, this.lay) : [{ decl: v.decl, off: v.off }]));
  }

  /** `run_T(S, o, args...)`: appends a process of type T, returns its pid or 0 if too many. */
  private runHelper(p: ProcInfo): string {
    const params = this.paramLeaves(p);
    const args = params.map((_, i) => `a${i}`);
    // With priorities, the new process's priority comes last (see priority.ts); a claim
    // has none.
    const prio = p.vars.get('_priority');
    if (prio) args.push('pr');
    const ctx: Ctx = { proc: p, inDstep: false };
    const start = p.flow.start;
    const lines = [
      `function run_${p.type}(S, o${args.map((a) => ', ' + a).join('')}) {`,
      `  const n = S[o]; if (n >= 255) { fail(${this.errId('too-many-processes', 'too many processes', null)}); return 0; }`,
      `  const L = io[${IO.LEN}], b = o + L, pid = n;`,
      `  S.fill(0, b, b + ${p.size}); S[b] = ${p.type}; S[b + 1] = ${start & 255}; S[b + 2] = ${start >> 8};`,
      `  io[${IO.LEN}] = L + ${p.size}; S[o] = n + 1;`,
      ...params.map((v, i) => `  ${this.store(v.decl, `b + ${v.off}`, `a${i}`)};`),
      ...(prio ? [`  S[b + ${prio.off}] = pr;`] : []),
      ...(p.localChans.length ? [
        // Channel numbers go on from those of the channels alive: globals, then the local
        // channels of the processes before this one (pan's numbering, LIFO as processes).
        `  let id = NCH; for (let q = 0, x = o + ${this.lay.procBase}; q < n; q++) { id += NLOC[S[x]]; x += PSIZE[S[x]]; }`,
        ...p.localChans.map((c, k) => `  S[b + ${c.at}] = id + ${k + 1};`),
      ] : []),
      ...[...p.vars.values()].filter((v) => !p.params.includes(v)).map((v) => this.inits(v, 'b', ctx)).filter((x) => x),
      `  return n;`,
      `}`,
    ];
    return lines.join('\n');
  }

  private transition(p: ProcInfo, t: Trans): number {
    const id = this.trans.length;
    const el = t.el;
    const s = el.stmt;
    const isRecv = s !== null && (s.k === 'recv' || (s.k === 'dstep' && firstOf(s)?.k === 'recv'));
    const rv = isRecv && this.hasRendezvous;
    this.trans.push({
      id, type: p.type, pc: t.pc, target: t.target, line: el.line, file: s?.pos.file,
      text: el.kind === 'end' ? '-end-' : el.kind === 'jump' ? (s ? stmtText(s) : '.(goto)') : stmtText(s!),
      isElse: t.isElse, atomic: t.atomic, isRecv, isRendezvousRecv: rv, unless: t.unless, inPlace: false, pure: false,
      spinState: el.order, endLabel: t.endLabel,
    });
    const ctx: Ctx = { proc: p, inDstep: false };
    const setpc = `S[b + 1] = ${t.target & 255}; S[b + 2] = ${t.target >> 8};`;
    let body: string;
    if (el.kind === 'end' && p.type === this.lay.claimType) {
      // A claim never ends by moving: the search reports reaching its end as an error.
      body = 'return 0;';
    } else if (el.kind === 'end') {
      // Only the most recently created process can end (SPIN's rule), freeing its record.
      body = `if (pid !== S[o] - 1) return 0; io[${IO.LEN}] = b - o; S[o] = pid; return 1;`;
    } else if (el.kind === 'jump' || s!.k === 'else') {
      body = `${setpc} return 1;`;
    } else {
      body = `${this.stmt(s!, ctx, 'return 0;')} ${setpc} return 1;`;
    }
    // pan's HAS_LAST: every move records its process in the state, the claim's none (pan
    // sets now._last only `if (II != 0)`, II 0 being the claim under VERI).
    if (this.lay.lastOff > 0 && p.type !== this.lay.claimType) body = body.replace(/return 1;$/, `S[o + ${this.lay.lastOff}] = pid; return 1;`);
    const provided = p.decl.provided;
    // enabled() looks past provided clauses, as pan's does: NOPROVIDED is set while it asks.
    if (provided) body = `if (io[${IO.NOPROVIDED}] === 0 && !(${this.cond(provided, ctx)})) return 0; ${body}`;
    // Priorities: no move while a process of higher priority can move (not for the claim;
    // enabled() asks past this, as pan's does, with NOPROVIDED set).
    if (this.prog.usesPriority && p.type !== this.lay.claimType) body = `if (io[${IO.NOPROVIDED}] === 0 && !HP(S, o, b, pid)) return 0; ${body}`;
    // Read off the code itself: only `run` (run_T) and a process's end change the length,
    // and `run` may write before a guard blocks; only a rendezvous send sets BOQ.
    this.trans[id]!.inPlace = el.kind !== 'end' && !body.includes('run_') && !body.includes(`io[${IO.BOQ}] = c`);
    let bare = s;
    while (bare?.k === 'label') bare = bare.s;
    this.trans[id]!.pure = this.trans[id]!.inPlace && !provided && !this.prog.usesPriority
      && (el.kind === 'jump' || bare?.k === 'else' || bare?.k === 'expr');
    this.cases.push(`    case ${id}: { ${body} }`);
    return id;
  }

  /** `prov(type, S, o, b, pid)`: a proctype's provided clause in the state at S[o..] for
   * the process at b (1 where it has none). The liveness search asks it per process as
   * pan does (pan's provided() comes before the process's moves and skips its fairness
   * bookkeeping when false). */
  private provSource(): string {
    const cases = this.lay.procs.filter((p) => p.decl.provided).map((p) =>
      `    case ${p.type}: return (${this.cond(p.decl.provided!, { proc: p, inDstep: false })}) ? 1 : 0;`);
    // prov0: the provided clauses alone; prov adds the priority rule, which pan's
    // highest_priority applies in provided()'s place.
    const prov = this.prog.usesPriority ? 'prov0(type, S, o, b, pid) && HP(S, o, b, pid) ? 1 : 0' : 'prov0(type, S, o, b, pid)';
    return `function prov0(type, S, o, b, pid) {\n  switch (type) {\n${cases.join('\n')}\n  }\n  return 1;\n}\nfunction prov(type, S, o, b, pid) { return ${prov}; }`;
  }

  /**
   * Code for one statement. `block` is what to do if it cannot execute: `return 0;` for a
   * transition (nothing has been written yet), an error inside a d_step after its start.
   */
  private stmt(s: Stmt, ctx: Ctx, block: string): string {
    switch (s.k) {
      case 'expr': return `if (!(${this.cond(s.e, ctx)})) ${block}`;
      case 'assign':
        // `_ = e`: SPIN's predefined write-only variable (main.c's PREDEF `_`) is a C global
        // of pan's outside the state vector, so the move evaluates e (an index out of
        // bounds in it is still pan's error) and changes no state.
        if (this.isWriteOnly(s.lhs, ctx)) return `${this.expr(s.rhs, ctx)};`;
        // SPIN (nochan_manip) refuses a constant assigned to a channel variable: its value
        // is only ever another channel's. A structure's chan field is not checked there.
        if (s.rhs.k === 'num' && !s.declared && s.lhs.fields.length === 0 && this.addr(s.lhs, ctx).decl.type === 'chan') throw new ModelError(`invalid asgn to chan '${s.lhs.name}' (a constant; only a channel may be assigned to it)`, s.pos);
        return `${this.assign(s.lhs, this.expr(s.rhs, ctx), ctx)};`;
      case 'incr': return this.incr(s.lhs, s.d, ctx);
      case 'assert': {
        const k = this.errId('assertion', `assertion violated ${exprText(s.e).startsWith("(") ? exprText(s.e) : `(${exprText(s.e)})`}`, s.pos.line);
        return `if (!(${this.cond(s.e, ctx)})) return fail(${k});`;
      }
      case 'printf':
        return `if (io[${IO.PRINT}]) OUT(${JSON.stringify(s.fmt)}, [${s.args.map((a) => this.expr(a, ctx)).join(', ')}]);`;
      case 'dstep': return this.dstep(s, ctx);
      case 'send': return this.send(s, ctx, block);
      case 'recv': return this.recv(s, ctx, block);
      case 'label': return this.stmt(s.s, ctx, block);
      case 'block': case 'atomic': return s.body.map((x) => this.stmt(x, ctx, block)).join(' ');
      case 'break': case 'goto': case 'else': case 'if': case 'do': case 'unless':
        throw new ModelError(`'${s.k}' cannot be compiled here`, s.pos);
    }
  }

  /** A d_step: executable when its first statement is; then runs to its end in one step. */
  private dstep(s: Stmt & { body: Stmt[] }, ctx: Ctx): string {
    const inner: Ctx = { ...ctx, inDstep: true };
    const k = this.errId('block-in-d_step', 'block in d_step seq', s.pos.line);
    // A d_step that starts with a receive takes part in a rendezvous like a plain receive
    // (pan lets it answer a pending offer): that receive is compiled as one, blocking
    // cleanly since nothing is written before it.
    const head = firstOf(s);
    const recvHead = head?.k === 'recv' ? head : null;
    const guard = recvHead ? '1' : s.body.length ? this.guard(s.body[0]!, inner) : '1';
    let labelN = 0;
    const seq = (stmts: Stmt[], brk: string | null): string => stmts.map((x) => one(x, brk)).join(' ');
    const one = (x: Stmt, brk: string | null): string => {
      switch (x.k) {
        case 'if': case 'do': {
          const lbl = `L${labelN++}`;
          const opts = x.opts.filter((o) => o[0]!.k !== 'else');
          const els = x.opts.find((o) => o[0]!.k === 'else');
          let chain = opts.map((o, i) => `${i ? 'else ' : ''}if (${this.guard(o[0]!, inner)}) { ${seq(o, x.k === 'do' ? lbl : brk)} }`).join(' ');
          const fallback = els ? `{ ${seq(els.slice(1), x.k === 'do' ? lbl : brk)} }` : `{ ${blockCode} }`;
          chain = opts.length ? `${chain} else ${fallback}` : fallback;
          return x.k === 'do' ? `${lbl}: for (;;) { ${chain} }` : chain;
        }
        // No goto reaches here: a body that holds one is compiled by dstepJumps.
        case 'break':
          if (!brk) throw new ModelError("'break' outside a do loop", x.pos);
          return `break ${brk};`;
        case 'else': return '';
        case 'label': return one(x.s, brk);
        case 'block': case 'atomic': case 'dstep': return seq(x.body, brk);
        default: return x === recvHead ? this.stmt(x, ctx, 'return 0;') : this.stmt(x, inner, blockCode);
      }
    };
    const blockCode = `return fail(${k});`;
    if (hasGoto(s.body)) return `if (!(${guard})) return 0; ${this.dstepJumps(s.body, (x) => (x === recvHead ? this.stmt(x, ctx, 'return 0;') : this.stmt(x, inner, blockCode)), (x) => this.guard(x, inner), blockCode)}`;
    return `if (!(${guard})) return 0; ${seq(s.body, null)}`;
  }

  /** A d_step body with gotos (dstep-jumps.ts: they stay inside it), as pan's C gotos
   * run it: one switch on a jump target in a loop, statements in source order falling
   * through from one case to the next, each label, option and loop a case of its own.
   * The choices are dstep's: the first option whose guard holds, else the else option,
   * else pan's "block in d_step seq". */
  private dstepJumps(body: Stmt[], plain: (x: Stmt) => string, guard: (x: Stmt) => string, blockCode: string): string {
    let n = 1;
    const labelCase = new Map<string, number>();
    const caseOf = (label: string) => { if (!labelCase.has(label)) labelCase.set(label, n++); return labelCase.get(label)!; };
    const jump = (to: number) => `dpc = ${to}; continue DS;`;
    const out: string[] = [];
    const seq = (stmts: Stmt[], exit: number | null) => { for (const x of stmts) one(x, exit); };
    const one = (x: Stmt, exit: number | null): void => {
      switch (x.k) {
        case 'label': out.push(`case ${caseOf(x.name)}:`); one(x.s, exit); return;
        case 'goto': out.push(jump(caseOf(x.label))); return;
        case 'break': out.push(jump(exit!)); return; // dstep-jumps.ts: a do around it is in the d_step
        case 'else': return;
        case 'block': case 'atomic': case 'dstep': seq(x.body, exit); return;
        case 'if': case 'do': {
          const top = n++, end = n++;
          const starts = x.opts.map(() => n++);
          const opts = x.opts.map((o, i) => ({ o, start: starts[i]! })).filter(({ o }) => o[0]!.k !== 'else');
          const els = x.opts.findIndex((o) => o[0]!.k === 'else');
          out.push(`case ${top}:`);
          for (const { o, start } of opts) out.push(`if (${guard(o[0]!)}) { ${jump(start)} }`);
          out.push(els >= 0 ? jump(starts[els]!) : blockCode);
          x.opts.forEach((o, i) => {
            out.push(`case ${starts[i]}:`);
            seq(o, x.k === 'do' ? end : exit);
            out.push(jump(x.k === 'do' ? top : end));
          });
          out.push(`case ${end}:`);
          return;
        }
        default: out.push(`{ ${plain(x)} }`);
      }
    };
    seq(body, null);
    return `let dpc = 0; DS: for (;;) { switch (dpc) { case 0: ${out.join(' ')} } break; }`;
  }

  /** Whether a statement can execute now, without side effects (for d_step choices). */
  private guard(s: Stmt, ctx: Ctx): string {
    switch (s.k) {
      case 'expr': return this.cond(s.e, ctx);
      case 'label': return this.guard(s.s, ctx);
      case 'block': case 'atomic': case 'dstep': return s.body.length ? this.guard(s.body[0]!, ctx) : '1';
      case 'if': case 'do':
        if (s.opts.some((o) => o[0]!.k === 'else')) return '1';
        return s.opts.map((o) => `(${this.guard(o[0]!, ctx)})`).join(' || ');
      case 'send': {
        // A rendezvous send is "executable" here so that it runs and fails as pan's does
        // (rv-attempt in d_step).
        const c = this.chan(s.ch, ctx);
        return `((c) => CAP[QD(S, o, c)] === 0 || !qfull(S, o, c))(${c})`;
      }
      case 'recv': return `qlen(S, o, ${this.chan(s.ch, ctx)}) > 0`;
      default: return '1';
    }
  }

  private chan(v: VarRef, ctx: Ctx): string {
    // The channel may be a field of a structure (`m.c!x`, a chan in a typedef).
    if (this.addr(v, ctx).decl.type !== 'chan') throw new ModelError(`'${v.name}' is not a channel`, v.pos);
    const k = this.errId('channel', `use of an uninitialised channel ${v.name}`, v.pos.line);
    return `ch(S, o, ${this.read(v, ctx)}, ${k})`;
  }

  private send(s: Stmt & { k: 'send' }, ctx: Ctx, block: string): string {
    s = { ...s, args: s.args.flatMap((a): Expr[] => (a.k === 'var' ? this.structLeaves(a, ctx) ?? [a] : [a])) };
    const k = this.errId('channel', `too few parameters in send stmnt (${s.ch.name})`, s.pos.line);
    // pangen2.c refuses a send of more fields (a structure counted as its leaves) than any
    // channel declared in the model has (Mpars): "too many pars in send". Fewer than that
    // but more than this channel's is pan's run-time error (sketch-msg-file1.pml sends a
    // structure of 7 leaves as one field of a channel of 2).
    const mpars = this.maxMsgFields();
    if (s.args.length > mpars) {
      throw new ModelError(`too many pars in send (${exprText(s.ch)}: ${s.args.length} msg parameters sent, ${mpars} expected)`, s.pos);
    }
    const known = this.lookup(s.ch, ctx).decl.chan;
    const many = known && s.args.length <= known.fields.length ? ''
      : `if (${s.args.length} > NF[QD(S, o, c)]) return fail(${this.errId('channel', `too many parameters in send stmnt (${s.ch.name})`, s.pos.line)}); `;
    const fill = many + s.args.map((a, i) => `A[${i}] = ${this.expr(a, ctx)};`).join(' ');
    const put = s.sorted ? 'qsorted' : 'qsend';
    // The trace sees the send once its message is in the channel (pan's qsend calls require).
    const ev = this.trace ? ' if (EV(S, o, 0, c) === 2) return 2;' : '';
    if (ctx.inDstep && this.hasRendezvous) {
      return `{ const c = ${this.chan(s.ch, ctx)}; const cd = QD(S, o, c), cq = QB(S, o, c); if (CAP[cd] === 0) return fail(${this.errId('rv-attempt-in-d_step', 'rv-attempt in d_step', s.pos.line)}); if (S[cq] >= CAP[cd]) ${block} ${fill} if (${put}(S, o, c, ${s.args.length}, ${k}) === 2) return 2;${ev} }`;
    }
    // A rendezvous send leaves the message in the channel's slot and marks it pending
    // (pan's boq); only a matching receive may move next.
    const rv = this.hasRendezvous
      ? `if (CAP[cd] === 0) { if (io[${IO.BOQ}] !== 0) ${block} ${fill} S[cq] = 0; if (qsend(S, o, c, ${s.args.length}, ${k}) === 2) return 2;${ev} io[${IO.BOQ}] = c; } else `
      : '';
    return `{ const c = ${this.chan(s.ch, ctx)}; const cd = QD(S, o, c), cq = QB(S, o, c); ${rv}{ if (S[cq] >= CAP[cd]) ${block} ${fill} if (${put}(S, o, c, ${s.args.length}, ${k}) === 2) return 2;${ev} } }`;
  }

  private recv(s: Stmt & { k: 'recv' }, ctx: Ctx, block: string): string {
    s = { ...s, args: s.args.flatMap((a): RecvArg[] => (a.k === 'store' ? this.structLeaves(a.v, ctx)?.map((v) => ({ k: 'store', v })) ?? [a] : [a])) };
    const k = this.errId('channel', `missing pars in receive (${s.ch.name})`, s.pos.line);
    // A random receive (??) takes the first matching message anywhere in the buffer: j is
    // its index; a plain one only the first message (j = 0).
    const random = s.random === true;
    const checks = s.args.map((a, i) => a.k === 'match'
      ? `if (qat(S, o, c, j, ${i}) !== (${this.expr(a.e, ctx)})) ${random ? 'continue;' : block}` : '').join(' ');
    const store = (a: RecvArg, i: number) => (a.k === 'store' ? `${this.assign(a.v, `qat(S, o, c, j, ${i})`, ctx)};` : '');
    // The trace sees a receive that takes its message (not c?<..>) where pan's qrecv calls
    // require: after the fields before the last are stored, the message still in place.
    const ev = this.trace && !s.keep ? 'if (EV(S, o, 1, c) === 2) return 2;' : '';
    const n = s.args.length;
    const stores = [...s.args.slice(0, n - 1).map(store), ev, ...s.args.slice(n - 1).map((a) => store(a, n - 1))].join(' ');
    const find = random
      ? `let j = 0; for (const n = S[cq]; ; j++) { if (j === n) ${block} ${checks} break; }`
      : `const j = 0; ${checks}`;
    const del = s.keep ? '' : random ? 'qdelAt(S, o, c, j);' : 'qdel(S, o, c);';
    // pan's rule: while a rendezvous offer is pending only a receive on the offered channel
    // may move; with none pending a rendezvous receive has nothing to take.
    const rv = this.hasRendezvous && !ctx.inDstep
      ? `if (CAP[cd] === 0 ? io[${IO.BOQ}] !== c : io[${IO.BOQ}] !== 0) ${block} `
      : '';
    const after = this.hasRendezvous && !ctx.inDstep ? `if (CAP[cd] === 0) { io[${IO.BOQ}] = 0; S.fill(0, cq, cq + 1 + SS[cd]); } else { ${del} }` : del;
    // pan: a receive that keeps the message (c?<..>) on a rendezvous channel is an error
    // whenever it is tried, before the offer rule.
    // pan finds a receive with the wrong number of fields only when it takes a message
    // (qrecv's "missing pars in receive"): on an empty channel it is just not executable.
    const rvPoll = this.hasRendezvous && s.keep
      ? `if (CAP[cd] === 0) return fail(${this.errId('channel', 'polling rv chan', s.pos.line)}); ` : '';
    return `{ const c = ${this.chan(s.ch, ctx)}; const cd = QD(S, o, c), cq = QB(S, o, c); ${rvPoll}${rv}if (S[cq] === 0) ${block} if (NF[cd] !== ${s.args.length}) return fail(${k}); ${find} ${stores} ${after} }`;
  }

  /** The trace's function EV (event-trace.ts), its channels and values read in global context. */
  private traceSource(t: EventTrace): string {
    const ctx: Ctx = { proc: null, inDstep: false };
    return eventTraceSource(t, {
      chanValue: (v) => this.read(v, ctx),
      value: (e) => this.expr(e, ctx),
      errId: (kind, message, line) => this.errId(kind, message, line),
    });
  }

  /**
   * A structure sent or received whole (`c!m`, `c?m`, on a channel whose message holds a
   * typedef): references to its basic-typed leaves in layout order, which is how the
   * channel's message lays the typedef out (its field types are expanded by the parser).
   * null when v names no structure.
   */
  private structLeaves(v: VarRef, ctx: Ctx): VarRef[] | null {
    const info = ctx.proc?.vars.get(v.name) ?? this.lay.globals.get(v.name);
    if (!info) return null;
    let decl = info.decl;
    if (decl.len && !v.index && !v.fields.length) return null;
    for (const f of v.fields) {
      const fi = decl.struct ? this.lay.structs.get(decl.struct)?.fields.get(f.name) : undefined;
      if (!fi) return null;
      decl = fi.decl;
    }
    if (!decl.struct) return null;
    const out: VarRef[] = [];
    const walk = (ref: VarRef, struct: string) => {
      for (const f of this.lay.structs.get(struct)!.fields.values()) {
        for (let i = 0; i < Math.max(1, f.len); i++) {
          const r: VarRef = { ...ref, fields: [...ref.fields, { name: f.decl.name, index: f.len ? { k: 'num', v: i, pos: ref.pos } : null, pos: ref.pos }] };
          if (f.decl.struct) walk(r, f.decl.struct); else out.push(r);
        }
      }
    };
    walk(v, decl.struct);
    return out;
  }

  /** SPIN refuses arithmetic on a channel variable ("invalid use of chan name"). */
  private noChan(e: Expr, ctx: Ctx): void {
    if (e.k !== 'var') return;
    const { decl } = this.addr(e, ctx);
    if (decl.type === 'chan') throw new ModelError(`invalid use of chan name '${e.name}' in arithmetic`, e.pos);
  }

  /** A plain `_` that the model does not declare: SPIN's write-only variable. */
  private isWriteOnly(v: VarRef, ctx: Ctx): boolean {
    return v.name === '_' && !v.index && v.fields.length === 0 && !ctx.proc?.vars.has('_') && !this.lay.globals.has('_');
  }

  private lookup(v: VarRef, ctx: Ctx): VarInfo {
    const info = ctx.proc?.vars.get(v.name) ?? this.lay.globals.get(v.name);
    // SPIN's words (pangen2.c, vars.c): `_` may be assigned (`_ = e`) or received into, never read.
    if (!info && v.name === '_') throw new ModelError(`attempt to read value of '_' (SPIN's write-only variable: it may only be assigned, _ = expr, or received into)`, v.pos);
    if (!info) throw new ModelError(`undeclared variable '${v.name}'`, v.pos);
    if (v.index && !info.len) throw new ModelError(`'${v.name}' is not an array`, v.pos);
    return info;
  }

  /** The byte offset expression of a variable reference, and the declaration it ends at. */
  private addr(v: VarRef, ctx: Ctx): { decl: VarDecl; at: string } {
    const info = this.lookup(v, ctx);
    let at = `${info.global ? 'o' : ctx.recBase ?? 'b'} + ${info.off}`;
    const index = (e: Expr | null, n: VarInfo, what: string, pos: Pos) => {
      if (!e || !n.len) return;
      const k = this.errId('index', `array index out of bounds: ${what}[${exprText(e)}]`, pos.line);
      // A constant index in bounds needs no check (the model's fixed references, such as
      // level[0], are common in guards; each ix is a call where V8's inlining budget ends).
      // An index that is _pid or a plain byte of the vector is checked in line (it is
      // written twice, and has no side effect): ix is a call V8 does not inline into a
      // large exec, and these are most of a model's indexes (level[_pid], victim[l]).
      const x = this.expr(e, ctx);
      const i = e.k === 'num' && e.v >= 0 && e.v < n.len ? x
        : /^(pid|S\[[\w +]*\])$/.test(x) ? `(${x} >>> 0 < ${n.len} ? ${x} : ixf(${k}))` : `ix(${x}, ${n.len}, ${k})`;
      at += ` + ${n.elem === 1 ? i : `${n.elem} * ${i}`}`;
    };
    index(v.index, info, v.name, v.pos);
    let decl = info.decl;
    for (const f of v.fields) {
      const st = decl.struct ? this.lay.structs.get(decl.struct) : undefined;
      const fi = st?.fields.get(f.name);
      if (!fi) throw new ModelError(st ? `'${decl.name}' has no field '${f.name}'` : `'${decl.name}' is not a structure`, f.pos);
      if (f.index && !fi.len) throw new ModelError(`'${f.name}' is not an array`, f.pos);
      at += ` + ${fi.off}`;
      index(f.index, fi, f.name, f.pos);
      decl = fi.decl;
    }
    if (decl.struct) throw new ModelError(`structure '${decl.name}' used as a value (name one of its fields)`, v.pos);
    return { decl, at };
  }

  private read(v: VarRef, ctx: Ctx): string {
    const { decl, at } = this.addr(v, ctx);
    const t = decl.type;
    return t === 'short' ? `r16(S, ${at})` : t === 'int' ? `r32(S, ${at})` : `S[${at}]`;
  }

  private store(decl: VarDecl, at: string, val: string): string {
    const t = decl.type;
    // An unsigned bit-field keeps the low bits of what is assigned, as C's does in pan.
    if (decl.bits) val = `((${val}) & ${2 ** decl.bits - 1})`;
    if (t === 'bit' || t === 'bool') return `S[${at}] = (${val}) & 1`;
    if (t === 'short') return `w16(S, ${at}, ${val})`;
    if (t === 'int') return `w32(S, ${at}, ${val})`;
    return `S[${at}] = ${val}`;
  }

  private assign(v: VarRef, val: string, ctx: Ctx): string {
    const { decl, at } = this.addr(v, ctx);
    return this.store(decl, at, val);
  }

  private incr(v: VarRef, d: number, ctx: Ctx): string {
    const { decl, at } = this.addr(v, ctx);
    const t = decl.type;
    const cur = t === 'short' ? 'r16(S, a)' : t === 'int' ? 'r32(S, a)' : 'S[a]';
    return `{ const a = ${at}; ${this.store(decl, 'a', `(${cur} ${d > 0 ? '+' : '-'} 1) | 0`)}; }`;
  }

  /** The pid of a remote reference; without one, pan's f_pid: the lowest pid running that
   * proctype (-1, no process, when none does). */
  private remotePid(pid: Expr | null, p: ProcInfo, ctx: Ctx): string {
    return pid ? this.expr(pid, ctx) : `fpid(S, o, ${p.type})`;
  }

  private remoteProc(name: string, pos: Pos): ProcInfo {
    const p = this.lay.procs.find((q) => q.name === name && !q.decl.isClaim);
    if (!p) throw new ModelError(`unknown proctype '${name}' in a remote reference`, pos);
    return p;
  }

  /** An expression as a condition (JavaScript truthiness is enough). */
  private cond(e: Expr, ctx: Ctx): string {
    if (e.k === 'bin' && ['==', '!=', '<', '<=', '>', '>='].includes(e.op)) {
      const op = e.op === '==' ? '===' : e.op === '!=' ? '!==' : e.op;
      return `${this.expr(e.a, ctx)} ${op} ${this.expr(e.b, ctx)}`;
    }
    if (e.k === 'bin' && (e.op === '&&' || e.op === '||')) return `(${this.cond(e.a, ctx)}) ${e.op} (${this.cond(e.b, ctx)})`;
    if (e.k === 'un' && e.op === '!') return `!(${this.cond(e.a, ctx)})`;
    return this.expr(e, ctx);
  }

  /** An expression's C int value. */
  private expr(e: Expr, ctx: Ctx): string {
    switch (e.k) {
      case 'num': return e.v < 0 ? `(${e.v})` : String(e.v);
      case 'var': return this.read(e, ctx);
      case 'pid': return ctx.proc ? 'pid' : '0';
      // pan counts its claim among the running processes (a never claim, an ltl
      // formula's, pan -l's), so _nr_pr is one more with a claim.
      case 'nr_pr': return this.lay.claimType >= 0 ? '(S[o] + 1)' : 'S[o]';
      case 'timeout': return `io[${IO.TIMEOUT}]`;
      case 'np': return `io[${IO.NP}]`;
      case 'un':
        if (e.op !== '!') this.noChan(e.a, ctx);
        if (e.op === '!') return `(${this.cond(e.a, ctx)} ? 0 : 1)`;
        if (e.op === '-') return `(-(${this.expr(e.a, ctx)}) | 0)`;
        return `(~(${this.expr(e.a, ctx)}))`;
      case 'cond': return `((${this.cond(e.c, ctx)}) ? (${this.expr(e.a, ctx)}) : (${this.expr(e.b, ctx)}))`;
      case 'bin': {
        if (!['==', '!=', '&&', '||'].includes(e.op)) { this.noChan(e.a, ctx); this.noChan(e.b, ctx); }
        const a = this.expr(e.a, ctx), b = this.expr(e.b, ctx);
        switch (e.op) {
          case '+': case '-': return `((${a} ${e.op} ${b}) | 0)`;
          case '*': return `Math.imul(${a}, ${b})`;
          case '/': return `dv(${a}, ${b}, ${this.errId('arith', 'division by zero', e.pos.line)})`;
          case '%': return `md(${a}, ${b}, ${this.errId('arith', 'modulo by zero', e.pos.line)})`;
          case '<<': case '>>': case '&': case '|': case '^': return `(${a} ${e.op} ${b})`;
          default: return `((${this.cond(e, ctx)}) ? 1 : 0)`;
        }
      }
      case 'run': {
        if (ctx.inDstep) throw new ModelError("'run' inside d_step is not allowed", e.pos);
        if (!ctx.proc) throw new ModelError("'run' in a global initialiser", e.pos);
        const p = this.lay.procs.find((q) => q.name === e.proc && !q.decl.isInit);
        if (!p) throw new ModelError(`unknown proctype '${e.proc}' in run`, e.pos);
        // A structure passed to a structure parameter goes field by field, as pan's addproc
        // takes it (one argument per basic-typed leaf, in the order of the typedef).
        const args = e.args.flatMap((a): Expr[] => (a.k === 'var' && this.structLeaves(a, ctx)) || [a]);
        const want = this.paramLeaves(p).length;
        if (args.length !== want) {
          throw new ModelError(`proctype '${e.proc}' takes ${want} argument(s)${want !== p.params.length ? ' (structure fields counted)' : ''}, got ${args.length}`, e.pos);
        }
        const pr = this.prog.usesPriority ? `, ${e.priority ?? 1}` : '';
        return `run_${p.type}(S, o${args.map((a) => ', ' + this.expr(a, ctx)).join('')}${pr})`;
      }
      case 'prio': {
        const [pid, pr] = e.args.map((a) => this.expr(a, ctx));
        if (!e.set) return `GP(S, o, ${pid})`;
        return `SP(S, o, ${pid}, ${pr}, ${this.errId('priority', 'priority is out of range', e.pos.line)})`;
      }
      case 'chanop': {
        const c = this.chan(e.ch, ctx);
        switch (e.op) {
          case 'len': return `qlen(S, o, ${c})`;
          case 'empty': return `(qlen(S, o, ${c}) === 0 ? 1 : 0)`;
          case 'nempty': return `(qlen(S, o, ${c}) !== 0 ? 1 : 0)`;
          case 'full': return `(qfull(S, o, ${c}) ? 1 : 0)`;
          case 'nfull': return `(qfull(S, o, ${c}) ? 0 : 1)`;
        }
        break;
      }
      case 'rlabel': {
        const p = this.remoteProc(e.proc, e.pos);
        const pc = p.flow.labelPcs.get(e.label);
        if (pc === undefined) throw new ModelError(`proctype '${e.proc}' has no label '${e.label}'`, e.pos);
        return `(rpc(S, o, ${this.remotePid(e.pid, p, ctx)}, ${p.type}) === ${pc} ? 1 : 0)`;
      }
      case 'rvar': {
        const p = this.remoteProc(e.proc, e.pos);
        if (!p.vars.has(e.v.name)) throw new ModelError(`proctype '${e.proc}' has no local '${e.v.name}'`, e.v.pos);
        const k = this.errId('remote', `remote reference ${exprText(e)}: that process is no ${e.proc}`, e.pos.line);
        // No process with that pid (not started yet, or ended): pan's Pptr gives its zeroed
        // noptr area, so the variable reads 0. A process of another proctype is an error
        // here (pan reads whatever lies at that offset of the other record).
        const pid = this.remotePid(e.pid, p, ctx);
        return `(rhas(S, o, ${pid}) ? ${this.read(e.v, { proc: p, inDstep: false, recBase: `rrec(S, o, ${pid}, ${p.type}, ${k})` })} : 0)`;
      }
      case 'poll': {
        const c = this.chan(e.ch, ctx);
        // pan's not_RV: polling a rendezvous channel is an error when it is evaluated.
        const rv = `if (c && CAP[QD(S, o, c)] === 0) { fail(${this.errId('channel', 'error to poll rendezvous channel', e.pos.line)}); return 0; }`;
        if (e.random) {
          const m = e.args.map((a: RecvArg, i) => a.k === 'match' ? ` && qat(S, o, c, j, ${i}) === (${this.expr(a.e, ctx)})` : '').join('');
          return `((c => { ${rv} for (let j = 0, n = qlen(S, o, c); j < n; j++) if (1${m}) return 1; return 0; })(${c}))`;
        }
        const checks = e.args.map((a: RecvArg, i) => a.k === 'match' ? ` && qfield(S, o, c, ${i}) === (${this.expr(a.e, ctx)})` : '').join('');
        return `((c => { ${rv} return qlen(S, o, c) > 0${checks} ? 1 : 0; })(${c}))`;
      }
      case 'enabled': {
        // pan refuses a process asking about itself (its enabled() would test the move
        // that asks): an error at run time, with pan's words.
        const self = ctx.proc && !ctx.proc.decl.isClaim ? 'pid' : '-1';
        return `EN(S, o, ${this.expr(e.a, ctx)}, ${self}, ${this.errId('enabled-self', 'used: enabled(pid=thisproc)', e.pos.line)})`;
      }
      case 'last': {
        if (this.lay.lastOff === 0) throw new ModelError('_last without its state byte', e.pos);
        return `S[o + ${this.lay.lastOff}]`;
      }
    }
    throw new ModelError('unsupported expression', (e as { pos: Pos }).pos);
  }
}


/** The statement a d_step or sequence starts with, labels and nested blocks looked through. */
function firstOf(s: Stmt): Stmt | null {
  for (let x: Stmt | undefined = s; x;) {
    if (x.k === 'label') x = x.s;
    else if (x.k === 'dstep' || x.k === 'atomic' || x.k === 'block') x = x.body[0];
    else return x;
  }
  return null;
}
