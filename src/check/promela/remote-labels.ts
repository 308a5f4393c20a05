// SPIN's fix_dest (flow.c): a label that a remote reference names (`P[0]@L`, in a claim, an
// ltl formula or a process) must stay a state, but a `goto` is no state (a move into it
// goes straight to its destination). So when such a label marks a goto, SPIN turns the
// labelled element into a `skip` (the constant 1) and puts the goto after it: the process
// then rests at L for one move before it jumps. The new goto gets a number above every
// other element of the proctype (find_maxel), so the state numbers of the rest stay as
// they were; element-order.ts leaves it out and flow.ts numbers it last.
import type { Expr, Program, Stmt } from './ast.js';

/** Rewrites `L: goto X` into `L: 1; goto X` for every label L of a proctype P that some
 * remote reference P@L names. */
export function fixRemoteLabelGotos(prog: Program): void {
  const wanted = new Map<string, Set<string>>();
  for (const r of remoteLabels(prog)) {
    if (!wanted.has(r.proc)) wanted.set(r.proc, new Set());
    wanted.get(r.proc)!.add(r.label);
  }
  for (const p of prog.procs) {
    const labels = wanted.get(p.name);
    if (labels) for (const seq of sequences(p.body)) splitLabelledGotos(seq, labels);
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

function splitLabelledGotos(seq: Stmt[], labels: Set<string>): void {
  for (let i = 0; i < seq.length; i++) {
    const s = seq[i]!;
    if (s.k !== 'label' || !labels.has(s.name) || s.s.k !== 'goto') continue;
    const jump: Stmt = { ...s.s, fixDest: true };
    s.s = { k: 'expr', e: { k: 'num', v: 1, pos: s.s.pos }, pos: s.s.pos };
    seq.splice(i + 1, 0, jump);
    i++;
  }
}
