// From the tableau's generalised Büchi automaton to a plain Büchi automaton with labelled
// edges, as a never claim needs: degeneralised with a counter over the acceptance sets,
// then simplified (unreachable states and states that reach no accepting cycle dropped,
// states with the same acceptance and the same moves merged until nothing changes).
import { tableau } from './tableau.js';
import type { Nnf } from './formula.js';

/** A conjunction of literals; the empty one is `true`. */
export type Guard = { atom: number; neg: boolean }[];

export interface Buchi {
  /** State 0 is the initial state. */
  accepting: boolean[];
  edges: { guard: Guard; to: number }[][];
}

export function buchi(f: Nnf): Buchi {
  const g = tableau(f);
  const k = Math.max(1, g.accepting.length);
  const inSet = (n: number, i: number) => g.accepting.length === 0 || g.accepting[i]![n]!;
  // States (node, level), plus the initial state; edges carry the target node's label.
  const ids = new Map<string, number>();
  const accepting: boolean[] = [false];
  const edges: { guard: Guard; to: number }[][] = [[]];
  const todo: [number, number, number][] = [];
  const id = (n: number, lvl: number): number => {
    const key = `${n},${lvl}`;
    let s = ids.get(key);
    if (s === undefined) {
      s = accepting.length; ids.set(key, s);
      accepting.push(lvl === 0 && inSet(n, 0));
      edges.push([]);
      todo.push([s, n, lvl]);
    }
    return s;
  };
  for (const n of g.initial) edges[0]!.push({ guard: g.label[n]!, to: id(n, 0) });
  while (todo.length > 0) {
    const [s, n, lvl] = todo.pop()!;
    const next = inSet(n, lvl) ? (lvl + 1) % k : lvl;
    for (const m of g.succ[n]!) edges[s]!.push({ guard: g.label[m]!, to: id(m, next) });
  }
  return simplify({ accepting, edges });
}

/** Keeps the states that are reachable and from which an accepting cycle is reachable,
 * then merges equivalent states; state 0 stays the initial state. */
export function simplify(b: Buchi): Buchi {
  let cur = prune(b);
  for (;;) {
    const merged = merge(cur);
    if (merged.accepting.length === cur.accepting.length) return merged;
    cur = prune(merged);
  }
}

function prune(b: Buchi): Buchi {
  const n = b.accepting.length;
  // States on an accepting cycle: accepting states that reach themselves.
  const reach = (from: number[], next: (s: number) => number[]): boolean[] => {
    const seen = new Array<boolean>(n).fill(false);
    const stack = [...from];
    while (stack.length) { const s = stack.pop()!; for (const t of next(s)) if (!seen[t]) { seen[t] = true; stack.push(t); } }
    return seen;
  };
  const pred: number[][] = Array.from({ length: n }, () => []);
  b.edges.forEach((es, s) => es.forEach((e) => pred[e.to]!.push(s)));
  const fromInit = reach([0], (s) => b.edges[s]!.map((e) => e.to));
  fromInit[0] = true;
  const onCycle: number[] = [];
  for (let s = 0; s < n; s++) if (b.accepting[s] && fromInit[s] && reach([s], (x) => b.edges[x]!.map((e) => e.to))[s]) onCycle.push(s);
  const live = reach(onCycle, (s) => pred[s]!);
  for (const s of onCycle) live[s] = true;
  const keep = (s: number) => s === 0 || (fromInit[s]! && live[s]!);
  const map = new Map<number, number>();
  for (let s = 0; s < n; s++) if (keep(s)) map.set(s, map.size);
  return {
    accepting: [...map.keys()].map((s) => b.accepting[s]!),
    edges: [...map.keys()].map((s) => b.edges[s]!.filter((e) => map.has(e.to) && live[e.to]).map((e) => ({ guard: e.guard, to: map.get(e.to)! }))),
  };
}

const guardKey = (g: Guard) => g.map((l) => `${l.neg ? '!' : ''}${l.atom}`).sort().join('&');

/** Partition refinement: same acceptance, and the same set of (guard, class of target). */
function merge(b: Buchi): Buchi {
  const n = b.accepting.length;
  let cls: string[] = b.accepting.map((a) => (a ? 'a' : 'n'));
  for (;;) {
    const sig = b.edges.map((es, s) => cls[s] + '|' + [...new Set(es.map((e) => `${guardKey(e.guard)}>${cls[e.to]}`))].sort().join(','));
    const names = new Map<string, string>();
    const next = sig.map((x) => { if (!names.has(x)) names.set(x, String(names.size)); return names.get(x)!; });
    const before = new Set(cls).size;
    cls = next;
    if (names.size === before) break;
  }
  // The initial state's class comes first, so it stays state 0 (merged states accept
  // the same runs from there, so it may stand for them all).
  const rep = new Map<string, number>();
  const order: number[] = [];
  for (const s of [0, ...Array.from({ length: n }, (_, i) => i)]) if (!rep.has(cls[s]!)) { rep.set(cls[s]!, order.length); order.push(s); }
  return {
    accepting: order.map((s) => b.accepting[s]!),
    edges: order.map((s) => {
      const seen = new Set<string>();
      const out: { guard: Guard; to: number }[] = [];
      for (const e of b.edges[s]!) {
        const to = rep.get(cls[e.to]!)!;
        const key = `${guardKey(e.guard)}>${to}`;
        if (!seen.has(key)) { seen.add(key); out.push({ guard: e.guard, to }); }
      }
      // An edge is redundant beside one to the same state whose guard asks less.
      const weaker = (a: Guard, c: Guard) => a.length < c.length && a.every((l) => c.some((m) => m.atom === l.atom && m.neg === l.neg));
      return out.filter((e) => !out.some((f) => f !== e && f.to === e.to && weaker(f.guard, e.guard)));
    }),
  };
}
