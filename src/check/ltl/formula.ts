// LTL formulas over atoms of any type (Promela expressions in a model, plain text for
// `gosched ltl`), and the rewriting into negation normal form that the tableau needs.
// Only U, V (release), X and the boolean connectives survive normalisation: F a is
// true U a, G a is false V a, a W b is b V (a || b), implications are unfolded.

export type Ltl<A> =
  | { k: 'true' } | { k: 'false' }
  | { k: 'atom'; a: A }
  | { k: 'not' | 'X' | 'G' | 'F'; a: Ltl<A> }
  | { k: 'and' | 'or' | 'U' | 'V' | 'W' | 'imp' | 'iff'; a: Ltl<A>; b: Ltl<A> };

/** A formula in negation normal form: negation only on atoms. */
export type Nnf =
  | { k: 'true' } | { k: 'false' }
  | { k: 'lit'; atom: number; neg: boolean }
  | { k: 'X'; a: Nnf }
  | { k: 'and' | 'or' | 'U' | 'V'; a: Nnf; b: Nnf };

export const TRUE: Nnf = { k: 'true' };
export const FALSE: Nnf = { k: 'false' };

/**
 * Negation normal form, with atoms numbered by their text (the same text is the same
 * proposition) and the constant and idempotence simplifications applied as it builds.
 */
export function toNnf<A>(f: Ltl<A>, key: (a: A) => string, atoms: { keys: string[]; values: A[] }): Nnf {
  const atomId = (a: A): number => {
    const k = key(a);
    let i = atoms.keys.indexOf(k);
    if (i < 0) { i = atoms.keys.length; atoms.keys.push(k); atoms.values.push(a); }
    return i;
  };
  const go = (g: Ltl<A>, neg: boolean): Nnf => {
    switch (g.k) {
      case 'true': return neg ? FALSE : TRUE;
      case 'false': return neg ? TRUE : FALSE;
      case 'atom': return { k: 'lit', atom: atomId(g.a), neg };
      case 'not': return go(g.a, !neg);
      case 'X': return mkX(go(g.a, neg));
      case 'F': return neg ? mk('V', FALSE, go(g.a, true)) : mk('U', TRUE, go(g.a, false));
      case 'G': return neg ? mk('U', TRUE, go(g.a, true)) : mk('V', FALSE, go(g.a, false));
      case 'and': return mk(neg ? 'or' : 'and', go(g.a, neg), go(g.b, neg));
      case 'or': return mk(neg ? 'and' : 'or', go(g.a, neg), go(g.b, neg));
      case 'imp': return mk(neg ? 'and' : 'or', go(g.a, !neg), go(g.b, neg));
      case 'iff': {
        // a <-> b is (a && b) || (!a && !b); its negation (a && !b) || (!a && b).
        const [pa, na, pb, nb] = [go(g.a, false), go(g.a, true), go(g.b, false), go(g.b, true)];
        return neg ? mk('or', mk('and', pa, nb), mk('and', na, pb)) : mk('or', mk('and', pa, pb), mk('and', na, nb));
      }
      case 'U': return neg ? mk('V', go(g.a, true), go(g.b, true)) : mk('U', go(g.a, false), go(g.b, false));
      case 'V': return neg ? mk('U', go(g.a, true), go(g.b, true)) : mk('V', go(g.a, false), go(g.b, false));
      case 'W': {
        // a W b = b V (a || b); !(a W b) = !b U (!a && !b).
        return neg ? mk('U', go(g.b, true), mk('and', go(g.a, true), go(g.b, true)))
          : mk('V', go(g.b, false), mk('or', go(g.a, false), go(g.b, false)));
      }
    }
  };
  return go(f, false);
}

export function same(a: Nnf, b: Nnf): boolean { return show(a) === show(b); }

/** Builds a binary node, folding constants and the standard identities. */
export function mk(k: 'and' | 'or' | 'U' | 'V', a: Nnf, b: Nnf): Nnf {
  switch (k) {
    case 'and':
      if (a.k === 'false' || b.k === 'false') return FALSE;
      if (a.k === 'true') return b;
      if (b.k === 'true' || same(a, b)) return a;
      if (isNegation(a, b)) return FALSE;
      break;
    case 'or':
      if (a.k === 'true' || b.k === 'true') return TRUE;
      if (a.k === 'false') return b;
      if (b.k === 'false' || same(a, b)) return a;
      if (isNegation(a, b)) return TRUE;
      break;
    case 'U':
      // a U true = true, a U false = false, a U a = a, false U b = b, F F b = F b.
      if (b.k === 'true' || b.k === 'false' || same(a, b) || a.k === 'false') return b;
      if (a.k === 'true' && b.k === 'U' && b.a.k === 'true') return b;
      break;
    case 'V':
      if (b.k === 'true' || b.k === 'false' || same(a, b) || a.k === 'true') return b;
      if (a.k === 'false' && b.k === 'V' && b.a.k === 'false') return b;
      break;
  }
  return { k, a, b };
}

function mkX(a: Nnf): Nnf { return a.k === 'true' || a.k === 'false' ? a : { k: 'X', a }; }

function isNegation(a: Nnf, b: Nnf): boolean {
  return a.k === 'lit' && b.k === 'lit' && a.atom === b.atom && a.neg !== b.neg;
}

/** A canonical text for a formula (atoms by number); used as its identity. */
export function show(f: Nnf): string {
  switch (f.k) {
    case 'true': return 't';
    case 'false': return 'f';
    case 'lit': return `${f.neg ? '!' : ''}p${f.atom}`;
    case 'X': return `X(${show(f.a)})`;
    default: return `(${show(f.a)} ${f.k} ${show(f.b)})`;
  }
}
