// The state vector's byte layout, chosen like pan's: one header byte with the number of
// processes, the globals, the channel buffers, then one record per process in pid order
// (type, program counter, locals). Two states are equal exactly when these bytes are.
import { ModelError } from './errors.js';
import { buildFlow, type Flow } from './flow.js';
import type { BaseType, Program, VarDecl } from './promela/ast.js';

/** Field type codes used by generated code for channel fields. */
export const TY = { bit: 1, byte: 2, short: 3, int: 4 } as const;

export function typeCode(t: BaseType): number {
  return t === 'bit' || t === 'bool' ? TY.bit : t === 'short' ? TY.short : t === 'int' ? TY.int : TY.byte;
}
export function typeSize(t: BaseType): number {
  return t === 'short' ? 2 : t === 'int' ? 4 : 1;
}

export interface VarInfo { decl: VarDecl; off: number; elem: number; len: number; global: boolean }

/** A typedef's layout: its size and each field's offset within it. */
export interface StructInfo { size: number; fields: Map<string, VarInfo> }

/** A channel pan creates at start-up: `off` is where its buffer (length byte, then the
 * slots) lies, `at` where the variable or structure field holding its number lies
 * (offsets in the vector for a global channel, in the process record for a local one). */
export interface ChanInfo { id: number; name: string; off: number; cap: number; fields: BaseType[]; fieldOff: number[]; slot: number; at: number }

export interface ProcInfo {
  name: string;
  type: number;
  size: number;
  flow: Flow;
  params: VarInfo[];
  vars: Map<string, VarInfo>;
  decl: Program['procs'][number];
  /** Channels declared in the proctype: buffers inside each process's record (off is
   * relative to the record), created with it and gone with it; `id` is the channel's
   * descriptor index, after the global channels'. */
  localChans: ChanInfo[];
}

/** The largest state vector the checker accepts (pan's is a compile-time VECTORSZ). */
export const MAX_VECTOR_BYTES = 1 << 24;

/** Bytes of a process record before its locals: type (1) and program counter (2). */
export const PROC_HEADER = 3;

export interface Layout {
  structs: Map<string, StructInfo>;
  globals: Map<string, VarInfo>;
  chans: ChanInfo[];
  /** First byte after globals and channel buffers: where process 0 starts. */
  procBase: number;
  procs: ProcInfo[];
  /** Bytes of the initial state (globals, channels, the active processes). */
  initialVector: number;
  /** Where `_last` is kept, or 0 when the model does not use it. */
  lastOff: number;
  /** Where a trace's state is kept (pan's _event, event-trace.ts), or 0 without a trace. */
  eventOff: number;
  /** The bytes of hidden globals: in the vector, but blanked when states are compared. */
  hidden: { off: number; len: number };
  /** The never claim's type (the last entry of procs) and the offset of its record
   * (type, pc) in the vector, right after the header byte; -1 without a claim. */
  claimType: number;
  claimOff: number;
}

export function layout(prog: Program): Layout {
  const structs = new Map<string, StructInfo>();
  for (const [name, fields] of prog.typedefs) {
    const map = new Map<string, VarInfo>();
    let o = 0;
    for (const f of fields) {
      const elem = f.struct ? structs.get(f.struct)!.size : typeSize(f.type as BaseType);
      map.set(f.name, { decl: f, off: o, elem, len: f.len, global: false });
      o += elem * Math.max(1, f.len);
    }
    structs.set(name, { size: o, fields: map });
  }
  const sizeOf = (d: VarDecl) => (d.struct ? structs.get(d.struct)!.size : typeSize(d.type as BaseType));
  const globals = new Map<string, VarInfo>();
  // The claim is no process of the system (it has no _pid and _nr_pr does not count it),
  // so its record sits before the globals instead of among the processes.
  const claimOff = prog.claim ? 1 : -1;
  let off = prog.claim ? 1 + PROC_HEADER : 1;
  const hiddenStart = off;
  // Hidden globals come first, in one byte range that the search blanks before it
  // compares or stores a state (SPIN keeps them out of the state vector; its undo still
  // restores them on backtracking, as copying the vector does here).
  const hiddenFirst = [...prog.globals.filter((d) => d.hidden && d.type !== 'chan'), ...prog.globals.filter((d) => !(d.hidden && d.type !== 'chan'))];
  let hiddenEnd = hiddenStart;
  for (const d of hiddenFirst) {
    if (globals.has(d.name)) throw new ModelError(`'${d.name}' is declared twice`, d.pos);
    const elem = sizeOf(d);
    globals.set(d.name, { decl: d, off, elem, len: d.len, global: true });
    off += elem * Math.max(1, d.len);
    if (d.hidden && d.type !== 'chan') hiddenEnd = off;
  }
  // pan's HAS_LAST: a model that reads _last keeps the last mover's pid in the state.
  const lastOff = prog.usesLast ? off++ : 0;
  const eventOff = prog.trace ? off++ : 0;
  const chans: ChanInfo[] = [];
  // pan's iniglobals creates the channels of chan variables first, then those of the
  // initialised chan fields of structures (walk_struct), each group in declaration order
  // (pangen1.c's Types order puts CHAN before STRUCT); the numbers follow that order.
  for (const d of [...prog.globals.filter((g) => g.type === 'chan'), ...prog.globals.filter((g) => g.struct)]) {
    for (const c of startupChans(d, globals.get(d.name)!.off, structs)) {
      chans.push({ ...c, id: chans.length + 1, off });
      off += c.size;
      if (chans.length > 255) throw new ModelError('too many channels (255 at most)', d.pos);
    }
  }
  const procs: ProcInfo[] = [...prog.procs, ...(prog.claim ? [prog.claim] : [])].map((p, type) => {
    const vars = new Map<string, VarInfo>();
    let o = PROC_HEADER;
    const params: VarInfo[] = [];
    for (const d of [...p.params, ...p.locals]) {
      if (vars.has(d.name)) throw new ModelError(`redeclaration of '${d.name}' in ${p.name}`, d.pos);
      const elem = sizeOf(d);
      const v = { decl: d, off: o, elem, len: d.len, global: false };
      vars.set(d.name, v);
      if (p.params.includes(d)) params.push(v);
      o += elem * Math.max(1, d.len);
    }
    // pan appends a process's channels to the vector after it and numbers them on from
    // the channels alive (LIFO, like processes); here their buffers close the record.
    // Created in declaration order, a structure's initialised chan fields where the
    // structure stands (pan's dolocal and walk_struct).
    const localChans: ProcInfo['localChans'] = [];
    for (const v of vars.values()) {
      if (p.params.includes(v.decl)) continue;
      for (const c of startupChans(v.decl, v.off, structs)) {
        localChans.push({ ...c, id: 0, off: o });
        o += c.size;
      }
    }
    const endLine = p.body.length ? p.body[p.body.length - 1]!.pos.line + 1 : p.pos.line;
    const flow = buildFlow(p.body, endLine);
    if (flow.nPcs > 65535) throw new ModelError(`proctype ${p.name} has too many states`, p.pos);
    return { name: p.name, type, size: o, flow, params, vars, decl: p, localChans };
  });
  let nextId = chans.length + 1;
  for (const p of procs) for (const c of p.localChans) c.id = nextId++;
  if (nextId > 256) throw new ModelError('too many channels (255 at most)', null);
  // The vector is one typed-array region per state: refuse what could never be searched
  // before compiling code for it (codegen walks every element of an initialised array).
  const initialVector = off + prog.procs.reduce((n, p, i) => n + p.active * procs[i]!.size, 0);
  if (initialVector > MAX_VECTOR_BYTES) {
    const big = [...prog.globals, ...prog.procs.flatMap((p) => [...p.params, ...p.locals])]
      .reduce((a, d) => (d.len > (a?.len ?? 0) ? d : a), null as VarDecl | null);
    throw new ModelError(`the state vector needs ${initialVector} bytes; the checker handles at most ${MAX_VECTOR_BYTES}`, big?.pos ?? null);
  }
  const names = new Set<string>();
  for (const p of prog.procs) {
    // SPIN makes each init block an :init: process of its own (spin.y's init: mk_rdy).
    if (names.has(p.name) && !p.isInit) throw new ModelError(`proctype '${p.name}' is declared twice`, p.pos);
    names.add(p.name);
  }
  return {
    structs, globals, chans, procBase: off, procs, lastOff, eventOff, initialVector, hidden: { off: hiddenStart, len: hiddenEnd - hiddenStart },
    claimType: prog.claim ? procs.length - 1 : -1, claimOff,
  };
}

/** The channels a variable's declaration creates, one per element of a chan variable
 * with a channel type, or per such field of a structure (`typedef T { chan c = [1] of
 * {byte} }`), in pan's order: element by element, field by field, nested structures
 * where they stand. `at` is where the channel's number goes; `size` the bytes of its
 * buffer (length byte and slots; a rendezvous channel keeps one slot for the message in
 * transit, as pan's does). */
function startupChans(decl: VarDecl, off: number, structs: Map<string, StructInfo>): (Omit<ChanInfo, 'id' | 'off'> & { size: number })[] {
  if (decl.type !== 'chan' && !decl.struct) return [];
  return leaves(decl, off, { structs }).flatMap((leaf) => {
    const c = leaf.decl.chan;
    if (leaf.decl.type !== 'chan' || !c) return [];
    const fieldOff: number[] = [];
    let slot = 0;
    for (const f of c.fields) { fieldOff.push(slot); slot += typeSize(f); }
    return [{ name: leaf.name, cap: c.cap, fields: c.fields, fieldOff, slot, at: leaf.off, size: 1 + slot * Math.max(1, c.cap) }];
  });
}

/** One basic-typed element: `elem` is its index in the array `decl` declares (0 for a scalar). */
export interface Leaf { name: string; decl: VarDecl; off: number; elem: number }

/** Every basic-typed element of a variable (arrays and structures expanded), with its offset. */
export function leaves(decl: VarDecl, off: number, lay: Pick<Layout, 'structs'>, name = decl.name): Leaf[] {
  const out: Leaf[] = [];
  const st = decl.struct ? lay.structs.get(decl.struct)! : null;
  const elem = st ? st.size : typeSize(decl.type as BaseType);
  for (let i = 0; i < Math.max(1, decl.len); i++) {
    const n = decl.len ? `${name}[${i}]` : name;
    const at = off + i * elem;
    if (!st) { out.push({ name: n, decl, off: at, elem: i }); continue; }
    for (const f of st.fields.values()) out.push(...leaves(f.decl, at + f.off, lay, `${n}.${f.decl.name}`));
  }
  return out;
}
