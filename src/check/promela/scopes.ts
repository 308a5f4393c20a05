// SPIN 6's block scopes for a proctype's locals (sym.c's lookup with CurScope): every `{`
// opens a scope, and so does each expansion of an inline; `::` options do not. A name is
// visible in the scope that declares it and in the scopes nested in it, from its
// declaration on. Declaring a name that is visible is SPIN's "redeclaration"; the same name
// declared in two scopes neither of which holds the other is two variables, each with its
// own place in the state vector (pan.h lists them one after the other, as `_2_1_y`,
// `_2_2_y`), and each shown by its plain name in a trail (spin -t -p prints `P(0):y`).
//
// In the syntax tree the first variable of a name keeps the plain name, so that a model
// without two of a name reads as before; a later one is `name#k` ('#' cannot occur in a
// Promela name), and displayName strips that suffix wherever a name is printed.
// Rejected: renaming every block-local as pan does (`_2_1_y`): names in messages, in
// remote references `P:y` and in listings would then all need translating back.
import { ModelError, type Pos } from '../errors.js';

export class BlockScopes {
  private open: Map<string, string>[] = [];
  private count = new Map<string, number>();

  /** Opens a scope (a `{` or an inline's expansion); `names` are declared in it (parameters). */
  enter(names: string[] = []): void {
    this.open.push(new Map());
    for (const n of names) this.open[this.open.length - 1]!.set(n, n), this.count.set(n, 1);
  }

  leave(): void { this.open.pop(); }

  /** Declares a local in the innermost scope; returns its name in the syntax tree. */
  declare(name: string, pos: Pos): string {
    if (this.visible(name) !== null) throw new ModelError(`redeclaration of '${name}'`, pos);
    const k = (this.count.get(name) ?? 0) + 1;
    this.count.set(name, k);
    const inTree = k === 1 ? name : `${name}#${k}`;
    this.open[this.open.length - 1]!.set(name, inTree);
    return inTree;
  }

  /** The name in the syntax tree of the local `name` refers to here: the innermost visible
   * one; the plain name for a global or a parameter or a local declared further on (the
   * compiler resolves those). A local whose every scope has closed is SPIN's "undeclared". */
  resolve(name: string, pos: Pos): string {
    const v = this.visible(name);
    if (v !== null) return v;
    if (this.count.has(name)) throw new ModelError(`undeclared variable: ${name} (declared in a block that has closed here)`, pos);
    return name;
  }

  private visible(name: string): string | null {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const n = this.open[i]!.get(name);
      if (n !== undefined) return n;
    }
    return null;
  }
}

/** Text with every variable name as the model writes it (the suffix of a block-scoped
 * twin, `y#2`, removed: `P(0):y#2[1]` is `P(0):y[1]`). */
export function displayName(text: string): string {
  return text.includes('#') ? text.replace(/#\d+/g, '') : text;
}
