// A compiled model ready to run: the generated code loaded with `new Function`, plus the
// flat tables the search consults per transition.
import { generate, IO, type ErrInfo, type TransInfo } from './codegen.js';
import { layout, type Layout } from './layout.js';
import type { Program } from './promela/ast.js';
import { PaddingBlanker, panPadding } from './pan-padding.js';
import type { EventTrace } from './event-trace.js';

export interface Machine {
  exec(t: number, S: Uint8Array, o: number, b: number, pid: number): number;
  /** A proctype's provided clause for the process at b (1 where there is none). */
  prov(type: number, S: Uint8Array, o: number, b: number, pid: number): number;
  /** hasProvided[type] = 1 where the proctype has a provided clause. */
  hasProvided: Uint8Array;
  init(S: Uint8Array): void;
  io: Int32Array;
  trans: TransInfo[];
  transOf: Int32Array[][];
  isElse: Uint8Array;
  atomic: Uint8Array;
  isRecv: Uint8Array;
  /** Per transition: 1..254 an unless escape's number, 255 a move skipped once an escape has moved. */
  unlessRole: Uint8Array;
  procSize: Int32Array;
  procBase: number;
  /** endPc[type][pc] = 1 where a process may validly stop (SPIN's stopstate). */
  endPc: Uint8Array[];
  /** acceptPc/progressPc[type][pc] = 1 at accept* and progress* labels. */
  acceptPc: Uint8Array[];
  progressPc: Uint8Array[];
  /** The never claim's type and record offset, -1 without one. */
  claimType: number;
  claimOff: number;
  procNames: string[];
  errors: ErrInfo[];
  usesTimeout: boolean;
  hasRendezvous: boolean;
  /** The model's trace or notrace, whose state the generated code keeps (event-trace.ts), or null. */
  trace: EventTrace | null;
  layout: Layout;
  /** pan's mask over process records where it hides the priority's bits (pan-padding.ts), or null. */
  padding: PaddingBlanker | null;
  source: string;
  /** Receives printf output; search leaves io[PRINT] at 0 so it is never called then. */
  print: (text: string) => void;
}

export function buildMachine(prog: Program): Machine {
  const lay = layout(prog);
  const gen = generate(prog, lay);
  const io = new Int32Array(8);
  const machine = {} as Machine;
  const names = new Map([...prog.mtypeValues].map(([n, v]) => [v, n] as const));
  const out = (fmt: string, args: number[]) => machine.print(formatPrintf(fmt, args, names));
  const en = (S: Uint8Array, o: number, pid: number, self: number, selfErr: number) => enabled(machine, S, o, pid, self, selfErr);
  const loaded = new Function('io', 'OUT', 'EN', gen.source)(io, out, en) as Pick<Machine, 'exec' | 'init' | 'prov'>;
  const flag = (f: (t: TransInfo) => boolean) => Uint8Array.from(gen.trans, (t) => (f(t) ? 1 : 0));
  Object.assign(machine, {
    exec: loaded.exec,
    init: loaded.init,
    prov: loaded.prov,
    // With priorities every process's moves wait on prov (pan's highest_priority).
    hasProvided: Uint8Array.from(lay.procs, (p) => (p.decl.provided || (prog.usesPriority && !p.decl.isClaim) ? 1 : 0)),
    io,
    trans: gen.trans,
    transOf: gen.transOf,
    isElse: flag((t) => t.isElse),
    atomic: flag((t) => t.atomic),
    isRecv: flag((t) => t.isRendezvousRecv),
    unlessRole: Uint8Array.from(gen.trans, (t) => t.unless),
    procSize: Int32Array.from(lay.procs, (p) => p.size),
    procBase: lay.procBase,
    endPc: lay.procs.map((p) => Uint8Array.from({ length: p.flow.nPcs }, (_, pc) => (p.flow.endPcs.has(pc) ? 1 : 0))),
    acceptPc: lay.procs.map((p) => Uint8Array.from({ length: p.flow.nPcs }, (_, pc) => (p.flow.acceptPcs.has(pc) ? 1 : 0))),
    progressPc: lay.procs.map((p) => Uint8Array.from({ length: p.flow.nPcs }, (_, pc) => (p.flow.progressPcs.has(pc) ? 1 : 0))),
    claimType: lay.claimType,
    claimOff: lay.claimOff,
    procNames: lay.procs.map((p) => p.name),
    errors: gen.errors,
    usesTimeout: prog.usesTimeout,
    hasRendezvous: gen.hasRendezvous,
    trace: gen.trace,
    layout: lay,
    padding: ((pad) => (pad ? new PaddingBlanker(pad, lay.procBase, Int32Array.from(lay.procs, (p) => p.size)) : null))(panPadding(prog, lay, gen.trace)),
    source: gen.source,
    print: () => {},
  });
  return machine;
}

/**
 * `enabled(pid)`: whether process pid could move in the state at S[o..]: each of its
 * transitions is tried on a scratch copy, with the shared io slots put back afterwards
 * (the move that asks is still running). A process asking about itself (`self`, -1 for
 * the claim) is pan's error "used: enabled(pid=thisproc)" (error number selfErr): trying
 * its own moves would ask again, without end.
 */
function enabled(m: Machine, S: Uint8Array, o: number, pid: number, self: number, selfErr: number): number {
  const { io } = m;
  if (pid === self) {
    if (io[IO.ERR] === 0) { io[IO.ERR] = 1; io[IO.ERRINFO] = selfErr; }
    return 0;
  }
  const n = S[o]!;
  if (pid < 0 || pid >= n) return 0;
  let b = o + m.procBase;
  for (let j = 0; j < pid; j++) b += m.procSize[S[b]!]!;
  const list = m.transOf[S[b]!]![S[b + 1]! | S[b + 2]! << 8]!;
  const L = io[IO.LEN]!;
  const saved = io.slice();
  const scratch = new Uint8Array(L + 2 * Math.max(...m.procSize, 16) + 64);
  let yes = 0;
  for (const t of list) {
    scratch.set(S.subarray(o, o + L));
    io.set(saved);
    io[IO.ERR] = 0; io[IO.NOPROVIDED] = 1;
    const r = m.exec(t, scratch, 0, b - o, pid);
    if (r !== 0 || io[IO.ERR] !== 0) { yes = 1; break; }
  }
  const err = io[IO.ERR]!, info = io[IO.ERRINFO]!;
  io.set(saved);
  // The process tested asking about itself is pan's error even here: pan evaluates the
  // guard, and its enabled() stops the search (other errors of the trial run are the
  // statement's, which pan's test does not execute).
  if (err !== 0 && m.errors[info]?.kind === 'enabled-self' && io[IO.ERR] === 0) { io[IO.ERR] = 1; io[IO.ERRINFO] = info; }
  return yes;
}

/** printf as SPIN does it: %d %i %u %x %o %c %s %e (mtype name), `%%`. */
export function formatPrintf(fmt: string, args: number[], mtypes: Map<number, string>): string {
  let i = 0;
  const unescaped = fmt.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
  return unescaped.replace(/%(-?\d*)([diuxocse%])/g, (_m, width: string, c: string) => {
    if (c === '%') return '%';
    const v = args[i++] ?? 0;
    let s: string;
    switch (c) {
      case 'x': s = (v >>> 0).toString(16); break;
      case 'o': s = (v >>> 0).toString(8); break;
      case 'u': s = String(v >>> 0); break;
      case 'c': s = String.fromCharCode(v); break;
      case 'e': s = mtypes.get(v) ?? String(v); break;
      default: s = String(v);
    }
    const w = Number(width);
    return w > 0 ? s.padStart(w) : w < 0 ? s.padEnd(-w) : s;
  });
}

export { IO };
