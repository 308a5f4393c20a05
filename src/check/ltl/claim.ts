// Writes a Büchi automaton as a never claim in the layout `spin -f` prints: one labelled
// state per automaton state (accept_ for accepting ones), each an if with one option per
// edge. An accepting state whose only move is `true` back to itself becomes `accept_all:
// skip`, which ends the claim: pan reports reaching a claim's end as a violation even
// without -a, so such properties are caught by a plain safety search, as with SPIN.
import { buchi, type Buchi, type Guard } from './buchi.js';
import { toNnf, type Ltl } from './formula.js';
import { ltlText } from './parse.js';

/** The never claim for `f` (not its negation: callers negate, as `spin -f '!(...)'`). */
export function neverClaimFor<A>(f: Ltl<A>, atomText: (a: A) => string): string {
  const atoms = { keys: [] as string[], values: [] as A[] };
  const b = buchi(toNnf(f, atomText, atoms));
  return renderClaim(b, atoms.keys, ltlText(f, atomText));
}

export function renderClaim(b: Buchi, atoms: string[], comment: string): string {
  const allAccept = (s: number) => b.accepting[s] && b.edges[s]!.length === 1 && b.edges[s]![0]!.to === s && b.edges[s]![0]!.guard.length === 0;
  const name = (s: number): string =>
    allAccept(s) ? 'accept_all' : s === 0 ? (b.accepting[0] ? 'accept_init' : 'T0_init') : `${b.accepting[s] ? 'accept' : 'T0'}_S${s}`;
  const guard = (g: Guard): string =>
    g.length === 0 ? '(1)' : `(${g.map((l) => (l.neg ? `!${paren(atoms[l.atom]!)}` : paren(atoms[l.atom]!))).join(' && ')})`;
  const lines = [`never  {    /* ${comment.replace(/\*\//g, '* /')} */`];
  b.accepting.forEach((_, s) => {
    // accept_all comes last, as in spin -f: its skip ends the claim only there (written
    // before another state, the skip would fall through into that state's code).
    if (allAccept(s)) return;
    lines.push(`${name(s)}:`);
    const es = b.edges[s]!;
    if (es.length === 0) { lines.push('\tfalse;'); return; }
    lines.push('\tif');
    for (const e of es) lines.push(`\t:: ${guard(e.guard)} -> goto ${name(e.to)}`);
    lines.push('\tfi;');
  });
  if (b.accepting.some((_, s) => allAccept(s))) lines.push('accept_all:', '\tskip');
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** An atom in parentheses unless it already is in one pair around it all. */
function paren(a: string): string {
  if (a.startsWith('(') && a.endsWith(')')) {
    let depth = 0;
    for (let i = 0; i < a.length; i++) {
      depth += a[i] === '(' ? 1 : a[i] === ')' ? -1 : 0;
      if (depth === 0 && i < a.length - 1) return `(${a})`;
    }
    return a;
  }
  return `(${a})`;
}

export type { Buchi };
