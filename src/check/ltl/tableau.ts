// LTL to a generalised Büchi automaton by the tableau of Gerth, Peled, Vardi and Wolper,
// "Simple on-the-fly automatic verification of linear temporal logic" (PSTV 1995).
// A node is a set of formulas that hold now (old) and a set that must hold next (next);
// expanding a node splits it on disjunctions and on the one-step unfolding of U and V.
// One acceptance set per U subformula a U b: the nodes where it is not promised or b holds.
//
// Rejected: Gastin and Oddoux's alternating-automaton route (LTL2BA). It builds smaller
// automata, but its three stages and their simplifications are much more code to get
// right; the state counts that must equal pan's come from never claims written out, so
// the size of the automaton built here only affects speed, never agreement.
import { show, type Nnf } from './formula.js';

export interface Gba {
  /** Per node: the literals that must hold on entering it (atom, negated). */
  label: { atom: number; neg: boolean }[][];
  /** Per node: the nodes it can move to. */
  succ: number[][];
  /** Nodes reached from the initial state. */
  initial: number[];
  /** accepting[i][n]: node n is in acceptance set i. */
  accepting: boolean[][];
}

interface Node { incoming: Set<number>; next: Map<string, Nnf>; old: Map<string, Nnf>; fresh: Map<string, Nnf> }

const INIT = -1;

export function tableau(f: Nnf): Gba {
  const done: Node[] = [];
  const key = (m: Map<string, Nnf>) => [...m.keys()].sort().join('\u0001');
  const byKey = new Map<string, number>();
  const untils = new Map<string, Nnf & { k: 'and' | 'or' | 'U' | 'V' }>();

  // An explicit work stack instead of recursion: deep formulas would overflow the
  // JavaScript stack otherwise.
  const work: Node[] = [{ incoming: new Set([INIT]), next: new Map(), old: new Map(), fresh: new Map([[show(f), f]]) }];
  while (work.length > 0) {
    const n = work.pop()!;
    if (n.fresh.size === 0) {
      const k = key(n.old) + '\u0000' + key(n.next);
      const at = byKey.get(k);
      if (at !== undefined) { for (const i of n.incoming) done[at]!.incoming.add(i); continue; }
      const id = done.length;
      done.push(n);
      byKey.set(k, id);
      work.push({ incoming: new Set([id]), next: new Map(), old: new Map(), fresh: new Map(n.next) });
      continue;
    }
    const [s, g] = n.fresh.entries().next().value as [string, Nnf];
    n.fresh.delete(s);
    if (n.old.has(s)) { work.push(n); continue; }
    const copy = (extraFresh: Nnf[], extraNext: Nnf[]): Node => {
      const c: Node = { incoming: new Set(n.incoming), next: new Map(n.next), old: new Map(n.old), fresh: new Map(n.fresh) };
      c.old.set(s, g);
      for (const x of extraFresh) if (!c.old.has(show(x))) c.fresh.set(show(x), x);
      for (const x of extraNext) c.next.set(show(x), x);
      return c;
    };
    switch (g.k) {
      case 'false': break;
      case 'true': n.old.set(s, g); work.push(n); break;
      case 'lit': {
        const neg = show({ k: 'lit', atom: g.atom, neg: !g.neg });
        if (n.old.has(neg)) break;
        n.old.set(s, g); work.push(n); break;
      }
      case 'and': work.push(copy([g.a, g.b], [])); break;
      case 'or': work.push(copy([g.b], []), copy([g.a], [])); break;
      case 'X': work.push(copy([], [g.a])); break;
      case 'U':
        untils.set(s, g);
        work.push(copy([g.b], []), copy([g.a], [g]));
        break;
      case 'V':
        work.push(copy([g.a, g.b], []), copy([g.b], [g]));
        break;
    }
  }
  const succ: number[][] = done.map(() => []);
  const initial: number[] = [];
  done.forEach((n, id) => {
    for (const i of n.incoming) (i === INIT ? initial : succ[i]!).push(id);
  });
  const label = done.map((n) => [...n.old.values()].filter((x): x is Nnf & { k: 'lit' } => x.k === 'lit').map((x) => ({ atom: x.atom, neg: x.neg })));
  const accepting = [...untils.entries()].map(([s, u]) => done.map((n) => !n.old.has(s) || n.old.has(show(u.b))));
  return { label, succ, initial, accepting };
}
