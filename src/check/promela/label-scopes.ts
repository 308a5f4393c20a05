// Labels have SPIN 6's block scopes (flow.c's set_lab and get_labspec): every `{` opens a
// scope (spinlex.c), and so does each expansion of an inline. A label name may be used
// once per scope; two labels of one name in different scopes are two labels, and a goto
// goes to the one of its own scope, else to one in an enclosing scope (the one declared
// first), else to the one declared last anywhere in the proctype. So an inline with a
// label may be called twice, and `ismoving:` may stand in two atomic blocks.
//
// In the syntax tree the first label of a name keeps its name (remote references P@L
// and listings find it), a later one is `name#k` ('#' cannot occur in a Promela name;
// displayName strips it for printing), and each goto names the label it goes to.
// Rejected: resolving in flow.ts, which sees the tree but no longer the braces.
import { ModelError } from '../errors.js';
import type { Stmt } from './ast.js';

export type LabelSite = { s: Stmt & { k: 'label' }; scope: string };
export type GotoSite = { s: Stmt & { k: 'goto' }; scope: string };

/** Renames the labels of one proctype that share a name and points each goto at its own. */
export function resolveLabelScopes(labels: LabelSite[], gotos: GotoSite[]): void {
  const byName = new Map<string, LabelSite[]>();
  for (const l of labels) {
    const same = byName.get(l.s.name) ?? [];
    if (same.some((o) => o.scope === l.scope)) throw new ModelError(`label '${l.s.name}' is defined twice`, l.s.pos);
    same.push(l);
    byName.set(l.s.name, same);
  }
  const treeName = new Map<LabelSite, string>();
  for (const [name, defs] of byName) defs.forEach((d, k) => treeName.set(d, k === 0 ? name : `${name}#${k + 1}`));
  for (const g of gotos) {
    const defs = byName.get(g.s.label);
    if (!defs || defs.length < 2) continue;
    // get_labspec walks the labels newest first: its own scope wins at once; a label in an
    // enclosing scope replaces any earlier pick (so the oldest such one stays); another
    // is taken only while nothing is picked.
    let pick: LabelSite | null = null;
    for (let i = defs.length - 1; i >= 0; i--) {
      const d = defs[i]!;
      if (d.scope === g.scope) { pick = d; break; }
      if (g.scope.startsWith(d.scope)) pick = d;
      else if (!pick) pick = d;
    }
    g.s.label = treeName.get(pick!)!;
  }
  for (const [site, name] of treeName) site.s.name = name;
}
