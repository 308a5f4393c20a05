// SPIN 6 hands a formula's purely propositional parts to its LTL translator as single
// predicates. An ltl block is printed back as text with every operand in parentheses
// (spin.y's ltl_to_string; `a -> b` already rewritten to `(! (a)) || (b)`, `a W b` to
// `([] a) || (a U b)`) and negated inside `!( ... )`; the translator's lexer (tl_lex.c,
// is_predicate) then reads any parenthesised group without a temporal operator in it
// (U V X [] <> <-> and their words) as one predicate. A guard of the claim therefore
// evaluates such a part whole, with C's short circuits: in `[] (x == 5 -> a[x-5] == 0)`
// the index is never computed unless x is 5.
//
// Rejected: letting the tableau split `!p || q` into separate edges, as it did: the
// automaton is as correct, but an edge `q` alone evaluates q where SPIN's never does
// (an out-of-bounds index found in the claim, Romsou's solitaireV3.pml, where pan finds
// no error), and its guards are not SPIN's.
import type { Ltl } from './formula.js';

/** True when `f` has no temporal operator and no <-> (which SPIN's lexer takes for one). */
function propositional<A>(f: Ltl<A>): boolean {
  switch (f.k) {
    case 'true': case 'false': case 'atom': return true;
    case 'not': return propositional(f.a);
    case 'and': case 'or': case 'imp': return propositional(f.a) && propositional(f.b);
    default: return false;
  }
}

/**
 * The formula with every maximal propositional part (the whole formula included, as SPIN
 * negates it inside parentheses) made one atom by `toAtom`; an atom or a constant alone
 * stays as it is.
 */
export function collapsePropositional<A>(f: Ltl<A>, toAtom: (part: Ltl<A>) => A): Ltl<A> {
  if (propositional(f)) return f.k === 'true' || f.k === 'false' || f.k === 'atom' ? f : { k: 'atom', a: toAtom(f) };
  switch (f.k) {
    case 'not': case 'X': case 'G': case 'F': return { k: f.k, a: collapsePropositional(f.a, toAtom) };
    case 'and': case 'or': case 'U': case 'V': case 'W': case 'imp': case 'iff':
      return { k: f.k, a: collapsePropositional(f.a, toAtom), b: collapsePropositional(f.b, toAtom) };
    default: return f;
  }
}
