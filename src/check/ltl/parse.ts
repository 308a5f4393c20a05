// The LTL syntax of SPIN's `ltl` blocks and `spin -f`: [] <> X ! U W V && || -> <->,
// true, false, parentheses; anything else is an atom, parsed by the caller (a Promela
// expression). Precedence follows SPIN's grammar, loosest first: -> and <->, ||, &&,
// then the prefix [] and <> (whose operand takes in a U/W/V), then U W V, then ! and X.
// SPIN's words for the operators are the operators: always [], eventually <>, until and
// stronguntil U, weakuntil W, release V, next X, implies ->, equivalent <->.
import type { Ltl } from './formula.js';

export interface LtlCursor<A> {
  /** The text of the token k ahead, or null past the end or on a string. */
  peek(k?: number): string | null;
  next(): void;
  atom(): A;
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
  const and = (): Ltl<A> => { let a = prefix(); while (is('&&')) { c.next(); a = { k: 'and', a, b: prefix() }; } return a; };
  const prefix = (): Ltl<A> => {
    if (always()) { skip(always()); return { k: 'G', a: prefix() }; }
    if (eventually()) { skip(eventually()); return { k: 'F', a: prefix() }; }
    return until();
  };
  const until = (): Ltl<A> => {
    let a = unary();
    for (;;) {
      const w = c.peek();
      if (w !== null && Object.hasOwn(WORDS, w)) { c.next(); a = { k: WORDS[w]!, a, b: unary() }; continue; }
      return a;
    }
  };
  const unary = (): Ltl<A> => {
    if (is('!')) { c.next(); return { k: 'not', a: unary() }; }
    if (is('X') || is('next')) { c.next(); return { k: 'X', a: unary() }; }
    if (always()) { skip(always()); return { k: 'G', a: unary() }; }
    if (eventually()) { skip(eventually()); return { k: 'F', a: unary() }; }
    if (is('(')) {
      c.next();
      const f = implies();
      if (!is(')')) c.fail(`expected ')' in the LTL formula but found ${c.peek() === null ? 'its end' : `'${c.peek()}'`}`);
      c.next();
      return f;
    }
    if (is('true')) { c.next(); return { k: 'true' }; }
    if (is('false')) { c.next(); return { k: 'false' }; }
    return { k: 'atom', a: c.atom() };
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
