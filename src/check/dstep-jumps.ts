// Jumps inside a d_step. pan compiles a d_step into one piece of C, its gotos into C
// gotos, so SPIN lets a goto inside a d_step go anywhere inside that same d_step, forward
// or back; any other (to a label outside it, or a `break` out of a loop around it, which
// SPIN parses as a goto) is flow.c's Rjumpslocal refusal, "non_local jump in d_step
// sequence", at the goto (Akirathan mesi.pml's inline `goto change_state_end` called
// inside a d_step lands on the inline's last label: accepted).
import { ModelError } from './errors.js';
import type { Stmt } from './promela/ast.js';

/** The statements a sequence holds, nested ones included, without recursion. */
function* walk(body: Stmt[]): Generator<{ s: Stmt; loops: number }> {
  const stack: { s: Stmt; loops: number }[] = body.map((s) => ({ s, loops: 0 })).reverse();
  while (stack.length) {
    const x = stack.pop()!;
    yield x;
    const { s, loops } = x;
    const push = (xs: Stmt[], l: number) => { for (let i = xs.length - 1; i >= 0; i--) stack.push({ s: xs[i]!, loops: l }); };
    if (s.k === 'label') push([s.s], loops);
    else if (s.k === 'if' || s.k === 'do') for (let i = s.opts.length - 1; i >= 0; i--) push(s.opts[i]!, s.k === 'do' ? loops + 1 : loops);
    else if (s.k === 'atomic' || s.k === 'block' || s.k === 'dstep') push(s.body, loops);
    else if (s.k === 'unless') { push(s.esc, loops); push(s.main, loops); }
  }
}

/** Refuses a goto or break in the d_step `d` that leaves it; returns the labels inside
 * it (flow.ts refuses a goto from outside to any of them). */
export function checkDstepJumps(d: Stmt & { body: Stmt[] }): Set<string> {
  const labels = new Set<string>();
  for (const { s } of walk(d.body)) if (s.k === 'label') labels.add(s.name);
  for (const { s, loops } of walk(d.body)) {
    if ((s.k === 'goto' && !labels.has(s.label)) || (s.k === 'break' && loops === 0)) {
      throw new ModelError(`non_local jump in d_step sequence (${s.k === 'goto' ? `goto ${s.label}` : 'break'} leaves the d_step)`, s.pos);
    }
  }
  return labels;
}

/** Whether a d_step's body holds a goto (codegen then compiles it as a jump table). */
export function hasGoto(body: Stmt[]): boolean {
  for (const { s } of walk(body)) if (s.k === 'goto') return true;
  return false;
}
