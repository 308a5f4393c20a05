// pan's mask over a process record's padding (pangen1.c's put_ptype, `Air` in pan.h, and
// the Mask loop in addproc/p_restor), reproduced only where it hides bits the checker
// keeps: the `_priority` byte. pan's record starts with the C bit-fields _pid (8 bits),
// _t (blog(proctypes + 1)), _p (blog(most states of any proctype)) and, with priorities,
// _priority (8); pan leaves out of the stored state the bytes past ceil(nBits / 8), with
// nBits counting _pid, _t and _p but not _priority, when the process has no variables
// (or only single bit and unsigned ones, whose bits then count too). So two states that
// differ only in such a process's priority, or in the bits of it (and of those bit
// variables) past that byte, are one state to pan, and its counts depend on it: the model
// models/spin/priority_padding stores 17 states with pan where the full priority gives 26.
// The checker blanks those bits before it stores or compares a state, as it blanks hidden
// globals, and puts them back for the moves that follow.
// Rejected: changing the record's layout (pan's bit-fields) instead: every process's
// priority and bit variables would have to be packed and unpacked by the generated code.
import type { Layout } from './layout.js';
import type { Program } from './promela/ast.js';
import type { EventTrace } from './event-trace.js';

/** spin's blog: the bit-field width pan gives a number below n. */
function blog(n: number): number {
  let m = 1;
  for (let r = 2; r < n; r *= 2) m++;
  return 1 + m;
}

/** For each proctype's record: the byte offsets whose bits pan masks, and the bits kept. */
export interface PanPadding { offs: Int32Array[]; keep: Uint8Array[]; max: number }

/** pan's padding for a model that uses priorities, or null where it hides nothing. */
export function panPadding(prog: Program, lay: Layout, trace: EventTrace | null = null): PanPadding | null {
  if (!prog.usesPriority) return null;
  // SPIN's ready list: the proctypes, init and the claims it compiles (a never claim, or
  // one per ltl formula; the claim of --non-progress is pan's -DNP, no proctype), and a
  // trace, which pan compiles as a proctype too (model priority_padding_trace).
  const claims = prog.claimsInPan ?? 0;
  const states = lay.procs.filter((p) => !p.decl.isClaim || claims > 0).map((p) => p.flow.elements + 1);
  if (trace) states.push(trace.elements + 1);
  const nBits0 = 8 + blog(prog.procs.length + claims + (trace ? 1 : 0) + 1) + blog(Math.max(...states));
  const offs: Int32Array[] = [], keep: Uint8Array[] = [];
  let max = 0;
  for (const p of lay.procs) {
    const vars = [...p.decl.params, ...p.decl.locals].filter((d) => d.name !== '_priority');
    const prio = p.vars.get('_priority');
    // put_ptype's Air: the trailing bytes past nBits, where the last variable pan lays out
    // (dolocal's type order: unsigned, bit, then the rest) is a single bit or unsigned one,
    // or there are none; else only true padding after the last variable, nothing of ours.
    const bitsOnly = vars.every((d) => d.len === 0 && !d.struct && (d.bits !== undefined || d.type === 'bit' || d.type === 'bool'));
    if (!prio || !bitsOnly) { offs.push(new Int32Array(0)); keep.push(new Uint8Array(0)); continue; }
    const ordered = [...vars.filter((d) => d.bits !== undefined), ...vars.filter((d) => d.bits === undefined)];
    let nBits = nBits0;
    for (const d of ordered) {
      const w = d.bits ?? 1;
      if (d.bits !== undefined && nBits % 64 > 0 && 64 - (nBits % 64) < w) nBits += 64 - (nBits % 64);
      nBits += w;
    }
    const kept = 8 * Math.ceil(nBits / 8);
    // Where gcc puts each field: in 32-bit units, a field that would cross one starts the next.
    let at = nBits0;
    const place = (w: number) => { if ((at % 32) + w > 32) at += 32 - (at % 32); const p0 = at; at += w; return p0; };
    const o: number[] = [], k: number[] = [];
    const mask = (off: number, pos: number, w: number) => {
      const bits = Math.max(0, Math.min(w, kept - pos));
      if (bits === w) return;
      // The variable's value bits below `bits` are stored; its bytes are little-endian.
      for (let b = 0; b * 8 < w; b++) {
        const c = Math.max(0, Math.min(8, bits - 8 * b));
        o.push(off + b); k.push((1 << c) - 1);
      }
    };
    mask(prio.off, place(8), 8);
    for (const d of ordered) { const w = d.bits ?? 1; mask(p.vars.get(d.name)!.off, place(w), w); }
    offs.push(Int32Array.from(o)); keep.push(Uint8Array.from(k));
    max = Math.max(max, o.length);
  }
  return max === 0 ? null : { offs, keep, max };
}

/** Blanks, in every process record of a state, the bits pan does not store, and puts
 * them back (the search stores and compares the blanked state, then moves on from the
 * whole one). */
export class PaddingBlanker {
  private save = new Uint8Array(0);
  constructor(readonly pad: PanPadding, private base: number, private size: Int32Array) {}

  /** For the state at S[o..]. */
  blank(S: Uint8Array, o: number): void {
    const { pad, size } = this, n = S[o]!;
    if (this.save.length < n * pad.max) this.save = new Uint8Array(256 * pad.max);
    const save = this.save;
    for (let j = 0, b = o + this.base, s = 0; j < n; j++) {
      const t = S[b]!, offs = pad.offs[t]!, keep = pad.keep[t]!;
      for (let i = 0; i < offs.length; i++) { const x = b + offs[i]!; save[s++] = S[x]!; S[x] = S[x]! & keep[i]!; }
      b += size[t]!;
    }
  }

  /** Puts back what blank took from the state at S[o..]. */
  restore(S: Uint8Array, o: number): void {
    const { pad, size, save } = this, n = S[o]!;
    for (let j = 0, b = o + this.base, s = 0; j < n; j++) {
      const t = S[b]!, offs = pad.offs[t]!;
      for (let i = 0; i < offs.length; i++) S[b + offs[i]!] = save[s++]!;
      b += size[t]!;
    }
  }
}
