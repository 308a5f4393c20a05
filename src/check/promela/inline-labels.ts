// Labels inside an inline belong to each expansion (SPIN 6's block scopes: an expansion
// opens a scope, flow.c's get_labspec resolves a goto to the label of its own scope
// first, then to one in an enclosing scope, then to any label of that name in the
// proctype). An inline with a label may so be called twice, and two inlines may use the
// same label name; `goto out` in an expansion goes to that expansion's `out`.
//
// Here an expansion's labels are renamed `name#k` (k unique per expansion; '#' cannot
// occur in a Promela name and displayName strips it for printing), with the gotos of the
// same expansion that name them; a goto elsewhere that names no label of its own scope
// falls back to such a label in flow.ts, as get_labspec's last resort does.
import type { Stmt } from './ast.js';

/** Every statement of `body`, nested ones included, depth first. */
function* walk(body: Stmt[]): Generator<Stmt> {
  for (const s of body) {
    yield s;
    switch (s.k) {
      case 'if': case 'do': for (const o of s.opts) yield* walk(o); break;
      case 'atomic': case 'dstep': case 'block': yield* walk(s.body); break;
      case 'label': yield* walk([s.s]); break;
      case 'unless': yield* walk(s.main); yield* walk(s.esc); break;
      default: break;
    }
  }
}

/** Renames the labels one inline expansion defines (not those of expansions nested in it,
 * renamed already) and the gotos in it that name them. */
export function scopeInlineLabels(body: Stmt[], expansion: number): void {
  const own = new Set<string>();
  for (const s of walk(body)) if (s.k === 'label' && !s.name.includes('#')) own.add(s.name);
  if (own.size === 0) return;
  for (const s of walk(body)) {
    if (s.k === 'label' && own.has(s.name)) s.name = `${s.name}#${expansion}`;
    else if (s.k === 'goto' && own.has(s.label)) s.label = `${s.label}#${expansion}`;
  }
}
