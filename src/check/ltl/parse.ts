// The LTL syntax of SPIN's `ltl` blocks and `spin -f`: [] <> X ! U W V && || -> <->,
// true, false, parentheses; anything else is an atom, parsed by the caller (a Promela
// expression). Precedence follows SPIN's grammar (spin.y), loosest first: -> and <->,
// ||, &&, then U W V; the prefix operators [] <> X and ! bind tightest (%prec NEG), so
// `[] p U q` is `([] p) U q`. SPIN's words for the operators are the operators: always
// [], eventually <>, until and stronguntil U, weakuntil W, release V, next X, implies ->,
// equivalent <->.
//
// A prefix operator's operand is therefore only an operand: `[] x == 1` is `([] x) == 1`
// to SPIN, a comparison whose left side is a formula; SPIN prints that formula as the
// number of its token and checks the constant `(333==1)`. The caller's `extend` does the
// same (see promela/ltl-operands.ts); a parenthesised part followed by an operator of the
// atoms, `(x + 1) > 2`, is read the same way and there means what it says.
import type { Ltl } from './formula.js';

export interface LtlCursor<A> {
  /** The text of the token k ahead, or null past the end or on a string. */
  peek(k?: number): string | null;
  next(): void;
  atom(): A;
  /** An atom that is a prefix operator's operand: no binary operator taken in. */
  tight(): A;
  /** Whether a binary operator of the atoms' language (not && or ||) comes next. */
  binaryFollows(): boolean;
  /** `left`, a formula read so far, as the left operand of the binary operator that comes
   * next, with the rest of that expression: one atom, as SPIN reads it. */
  extend(left: Ltl<A>): A;
  fail(message: string): never;
}

export function parseLtl<A>(c: LtlCursor<A>): Ltl<A> {
  const is = (t: string, k = 0) => c.peek(k) === t;
  // Each form takes 1 or 2 tokens; `skip` moves past the one there.
  const always = () => (is('[') && is(']', 1) ? 2 : is('always') ? 1 : 0);
  const eventually = () => (is('<') && is('>', 1) ? 2 : is('eventually') ? 1 : 0);
  const skip = (n: number) => { for (let i = 0; i < n; i++) c.next(); };
  const WORDS: Record<string, 'U' | 'W' | 'V'> = { U: 'U', W: 'W', V: 'V', until: 'U', stronguntil: 'U', weakuntil: 'W', release: 'V' };
  const implies = (): Ltl<A> => {
    let a = or();
    for (;;) {
      if (is('->') || is('implies')) { c.next(); a = { k: 'imp', a, b: or() }; continue; }
      if (is('equivalent')) { c.next(); a = { k: 'iff', a, b: or() }; continue; }
      if (is('<') && is('->', 1)) { c.next(); c.next(); a = { k: 'iff', a, b: or() }; continue; }
      return a;
    }
  };
  const or = (): Ltl<A> => { let a = and(); while (is('||')) { c.next(); a = { k: 'or', a, b: and() }; } return a; };
  const and = (): Ltl<A> => { let a = until(); while (is('&&')) { c.next(); a = { k: 'and', a, b: until() }; } return a; };
  const until = (): Ltl<A> => {
    let a = unary();
    for (;;) {
      const w = c.peek();
      if (w !== null && Object.hasOwn(WORDS, w)) { c.next(); a = { k: WORDS[w]!, a, b: unary() }; continue; }
      return a;
    }
  };
  // An operand of U W V && || -> <->: a prefixed or parenthesised formula, or an atom;
  // an operator of the atoms after it makes it the left side of one atom (see above).
  const unary = (): Ltl<A> => {
    const u = prefixed(false);
    return c.binaryFollows() ? { k: 'atom', a: c.extend(u) } : u;
  };
  const prefixed = (tight: boolean): Ltl<A> => {
    if (is('!')) { c.next(); return { k: 'not', a: prefixed(true) }; }
    if (is('X') || is('next')) { c.next(); return { k: 'X', a: prefixed(true) }; }
    if (always()) { skip(always()); return { k: 'G', a: prefixed(true) }; }
    if (eventually()) { skip(eventually()); return { k: 'F', a: prefixed(true) }; }
    if (is('(')) {
      c.next();
      const f = implies();
      if (!is(')')) c.fail(`expected ')' in the LTL formula but found ${c.peek() === null ? 'its end' : `'${c.peek()}'`}`);
      c.next();
      return f;
    }
    if (is('true')) { c.next(); return { k: 'true' }; }
    if (is('false')) { c.next(); return { k: 'false' }; }
    return { k: 'atom', a: tight ? c.tight() : c.atom() };
  };
  return implies();
}

/** The formula as text, fully parenthesised (for comments and messages). */
export function ltlText<A>(f: Ltl<A>, atom: (a: A) => string): string {
  const go = (g: Ltl<A>): string => {
    switch (g.k) {
      case 'true': return 'true';
      case 'false': return 'false';
      case 'atom': return atom(g.a);
      case 'not': return `!${go(g.a)}`;
      case 'X': return `X ${go(g.a)}`;
      case 'G': return `[] ${go(g.a)}`;
      case 'F': return `<> ${go(g.a)}`;
      case 'imp': return `(${go(g.a)} -> ${go(g.b)})`;
      case 'iff': return `(${go(g.a)} <-> ${go(g.b)})`;
      case 'and': return `(${go(g.a)} && ${go(g.b)})`;
      case 'or': return `(${go(g.a)} || ${go(g.b)})`;
      default: return `(${go(g.a)} ${g.k} ${go(g.b)})`;
    }
  };
  return go(f);
}
