// A formula that SPIN's grammar makes an operand of a Promela operator, as in `[] x == 1`
// (the prefix operators bind tightest, so this is `([] x) == 1`). spin.y's ltl_to_string
// prints such an operand with the Promela printer, which knows && || ! and writes any
// other node as the number of its token in SPIN 6.5.2's parser: the formula SPIN checks
// is `(333==1)`, a constant. Verified with `spin -a` on ltl blocks: [] 333, <> 334,
// U 335, V 337, X 338, <-> 330; `p -> q` is already `!p || q` and `p W q` is
// `[] p || p U q` (spin.y rewrites both as it parses).
//
// Rejected: refusing such formulas. They occur in models written by others
// (`ltl { []state == green }`), SPIN verifies them as it reads them, and the verdict and
// figures must be SPIN's; a user who meant `[] (state == green)` gets what SPIN gives.
import type { Ltl } from '../ltl/formula.js';
import type { Pos } from '../errors.js';
import type { Expr } from './ast.js';

const TOKEN = { iff: 330, G: 333, F: 334, U: 335, V: 337, X: 338 } as const;

/** The Promela expression SPIN makes of a formula that is an operand of a Promela operator. */
export function ltlOperand(f: Ltl<Expr>, pos: Pos): Expr {
  const num = (v: number): Expr => ({ k: 'num', v, pos });
  const not = (a: Expr): Expr => ({ k: 'un', op: '!', a, pos });
  const bin = (op: string, a: Expr, b: Expr): Expr => ({ k: 'bin', op, a, b, pos });
  switch (f.k) {
    case 'true': return num(1);
    case 'false': return num(0);
    case 'atom': return f.a;
    case 'not': return not(ltlOperand(f.a, pos));
    case 'and': return bin('&&', ltlOperand(f.a, pos), ltlOperand(f.b, pos));
    case 'or': return bin('||', ltlOperand(f.a, pos), ltlOperand(f.b, pos));
    case 'imp': return bin('||', not(ltlOperand(f.a, pos)), ltlOperand(f.b, pos));
    case 'W': return bin('||', num(TOKEN.G), num(TOKEN.U));
    default: return num(TOKEN[f.k]);
  }
}
