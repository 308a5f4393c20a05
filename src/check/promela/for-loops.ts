// SPIN's `for` loops, written out as the statements SPIN itself builds for them (flow.c's
// for_setup, for_index and for_body), since the state count depends on exactly those steps:
//   for (v : lo .. hi) { body }   v = lo; do :: v <= hi -> body; v = v + 1 :: else -> break od
//   for (v in arr) { body }       the same with lo = 0, hi = the array's length - 1
//   for (m in q) { body }         tmp = 0; do :: tmp < len(q) -> q?m; q!m; body; tmp = tmp + 1
//                                            :: else -> break od
// The channel form visits each message by taking it from the head and putting it back at
// the tail, so the channel is as before once the loop ends; `tmp` is a byte local of the
// process that SPIN adds for the loop (one per block scope, shared by such loops there).
import type { Pos } from '../errors.js';
import type { Expr, Stmt, VarRef } from './ast.js';

const num = (v: number, pos: Pos): Expr => ({ k: 'num', v, pos });
const plusOne = (v: VarRef, pos: Pos): Stmt => ({ k: 'assign', lhs: v, rhs: { k: 'bin', op: '+', a: v, b: num(1, pos), pos }, pos });

// `end`: where the body's closing brace stands, the line SPIN gives the else and break.
function loop(init: Stmt, guard: Expr, steps: Stmt[], counter: VarRef, pos: Pos, end: Pos): Stmt {
  const run: Stmt[] = [{ k: 'expr', e: guard, pos }, ...steps, plusOne(counter, pos)];
  return { k: 'block', body: [init, { k: 'do', opts: [run, [{ k: 'else', pos: end }, { k: 'break', pos: end }]], pos, closeLine: end.line }], pos, flat: true, forLoop: true };
}

/** `for (v : lo .. hi) { body }`, and `for (v in arr)` with lo 0 and hi the length - 1. */
export function forRange(v: VarRef, lo: Expr, hi: Expr, body: Stmt[], pos: Pos, end: Pos): Stmt {
  return loop({ k: 'assign', lhs: v, rhs: lo, pos }, { k: 'bin', op: '<=', a: v, b: hi, pos }, body, v, pos, end);
}

/** `for (m in q) { body }`, with `tmp` the loop's counter. */
export function forInChannel(m: VarRef, q: VarRef, tmp: VarRef, body: Stmt[], pos: Pos, end: Pos): Stmt {
  const len: Expr = { k: 'chanop', op: 'len', ch: q, pos };
  const steps: Stmt[] = [
    { k: 'recv', ch: q, args: [{ k: 'store', v: m }], poll: false, pos },
    { k: 'send', ch: q, args: [m], pos },
    ...body,
  ];
  return loop({ k: 'assign', lhs: tmp, rhs: num(0, pos), pos }, { k: 'bin', op: '<', a: tmp, b: len, pos }, steps, tmp, pos, end);
}
