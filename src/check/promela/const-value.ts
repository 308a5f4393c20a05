// The value of a constant expression (array sizes, channel capacities, `active [N]`,
// select and for bounds), computed as C computes ints, since SPIN's parser folds them so.
import type { Expr } from './ast.js';

/** The value of an expression built from numbers only, or null. */
export function constValue(e: Expr): number | null {
  switch (e.k) {
    case 'num': return e.v;
    case 'un': {
      const a = constValue(e.a);
      if (a === null) return null;
      return e.op === '-' ? -a | 0 : e.op === '~' ? ~a : a ? 0 : 1;
    }
    case 'cond': {
      const c = constValue(e.c);
      return c === null ? null : constValue(c ? e.a : e.b);
    }
    case 'bin': {
      const a = constValue(e.a), b = constValue(e.b);
      if (a === null || b === null) return null;
      switch (e.op) {
        case '+': return (a + b) | 0;
        case '-': return (a - b) | 0;
        case '*': return Math.imul(a, b);
        case '/': return b === 0 ? null : (a / b) | 0;
        case '%': return b === 0 ? null : a % b | 0;
        case '<<': return a << b;
        case '>>': return a >> b;
        case '&': return a & b;
        case '|': return a | b;
        case '^': return a ^ b;
        case '&&': return a && b ? 1 : 0;
        case '||': return a || b ? 1 : 0;
        case '==': return a === b ? 1 : 0;
        case '!=': return a !== b ? 1 : 0;
        case '<': return a < b ? 1 : 0;
        case '<=': return a <= b ? 1 : 0;
        case '>': return a > b ? 1 : 0;
        case '>=': return a >= b ? 1 : 0;
      }
      return null;
    }
    default: return null;
  }
}
