// Labels on a `goto` (or a `break`, which SPIN parses as a goto) that must stay states. A goto is no state (a move into it goes
// straight to its destination), so SPIN (flow.c) puts a `skip` (the constant 1) before the
// goto and the label on the skip, in two cases, each with its own numbering of the skip:
//  - add_el: an accept*, end* or progress* label. The skip is made after the goto, so it
//    gets the goto's number plus one and the elements after it one more than before
//    (element-order.ts: `gotoFirst`).
//  - fix_dest: a label that a remote reference names (`P[0]@L`, in a claim, an ltl formula
//    or a process). The labelled element itself becomes the skip and keeps its number; the
//    goto gets a number above every other element of the proctype (find_maxel):
//    element-order.ts leaves it out and flow.ts numbers it last (`fixDest`).
// Either way the process rests at the label for one move before it jumps.
import type { Expr, Program, Stmt } from './ast.js';

const SPECIAL = /^(accept|end|progress)/;

/** Rewrites `L: goto X` into `L: 1; goto X` where SPIN keeps L a state. */
export function splitLabelledGotos(prog: Program): void {
  // The trace too (pan compiles it as a proctype): there the skip is a move that matches
  // any event (event-trace.ts).
  for (const body of [...prog.procs.map((p) => p.body), ...(prog.claim ? [prog.claim.body] : []), ...(prog.trace ? [prog.trace.body] : [])]) {
    for (const seq of sequences(body)) splitGotos(seq, (l) => SPECIAL.test(l), 'gotoFirst');
  }
  fixRemoteLabelGotos(prog);
}

/** fix_dest, for every label L of a proctype P that some remote reference P@L names. */
function fixRemoteLabelGotos(prog: Program): void {
  const wanted = new Map<string, Set<string>>();
  for (const r of remoteLabels(prog)) {
    if (!wanted.has(r.proc)) wanted.set(r.proc, new Set());
    wanted.get(r.proc)!.add(r.label);
  }
  for (const p of prog.procs) {
    const labels = wanted.get(p.name);
    if (labels) for (const seq of sequences(p.body)) splitGotos(seq, (l) => labels.has(l), 'fixDest');
  }
}

/** Every `proc@label` anywhere in the program, found without recursion (trees are deep). */
function remoteLabels(prog: Program): (Expr & { k: 'rlabel' })[] {
  const found: (Expr & { k: 'rlabel' })[] = [];
  const stack: unknown[] = [prog.procs, prog.claim, prog.ltl, prog.globals];
  while (stack.length) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) { for (const x of node) stack.push(x); continue; }
    if (node instanceof Map) continue;
    const o = node as Record<string, unknown>;
    if (o.k === 'rlabel') found.push(o as Expr & { k: 'rlabel' });
    for (const [key, v] of Object.entries(o)) if (key !== 'pos' && v !== null && typeof v === 'object') stack.push(v);
  }
  return found;
}

/** Every statement sequence of a body, nested ones included. */
function sequences(body: Stmt[]): Stmt[][] {
  const out: Stmt[][] = [];
  const todo: Stmt[][] = [body];
  while (todo.length) {
    const seq = todo.pop()!;
    out.push(seq);
    for (const s of seq) {
      const x = s.k === 'label' ? s.s : s;
      if (x.k === 'if' || x.k === 'do') todo.push(...x.opts);
      else if (x.k === 'atomic' || x.k === 'block' || x.k === 'dstep') todo.push(x.body);
      else if (x.k === 'unless') todo.push(x.main, x.esc);
    }
  }
  return out;
}

/** Splits each labelled goto or break of seq whose labels (a chain `L1: L2: goto X`) include one
 * that `wanted` picks: the labels go onto a skip, the goto follows it. */
function splitGotos(seq: Stmt[], wanted: (label: string) => boolean, how: 'gotoFirst' | 'fixDest'): void {
  for (let i = 0; i < seq.length; i++) {
    let inner = seq[i]!, hit = false;
    while (inner.k === 'label') { hit ||= wanted(inner.name); if (inner.s.k !== 'label') break; inner = inner.s; }
    if (!hit || inner.k !== 'label' || (inner.s.k !== 'goto' && inner.s.k !== 'break')) continue;
    const jump: Stmt = { ...inner.s, [how]: true };
    inner.s = { k: 'expr', e: { k: 'num', v: 1, pos: inner.s.pos }, pos: inner.s.pos, ...(how === 'gotoFirst' ? { gotoFirst: true } : {}) };
    seq.splice(i + 1, 0, jump);
    i++;
  }
}
