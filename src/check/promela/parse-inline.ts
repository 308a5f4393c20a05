// Inline calls, expanded as SPIN expands them: the body's tokens with each parameter
// replaced by the argument's tokens, parsed where the call stands, in a block scope of its
// own (SPIN's lexer reads the body's text there: parse-names.ts's callSite), with
// SPIN 6.5.2's check that no argument is a whole array. `v = f(args)` makes each
// `return e` of the body the step `v = e`.
import type { Token } from './lexer.js';
import type { Stmt, VarRef } from './ast.js';
import type { Inline } from './parse-names.js';
import type { GotoSite, LabelSite } from './label-scopes.js';
import { LoopParser } from './parse-loops.js';

export abstract class InlineExpander extends LoopParser {
  /** For each inline expansion under way, innermost last: the variable its `return e`
   * assigns (the call was `v = f(args)`), or null for a plain call. */
  protected returnTargets: (VarRef | null)[] = [];
  /** SPIN's block scope where the parser stands (a path of `{` and inline expansions), the
   * number of scopes opened, and the current proctype's labels and gotos with theirs
   * (label-scopes.ts). */
  protected scopePath = '_';
  protected scopesOpened = 0;
  protected labelSites: LabelSite[] = [];
  protected gotoSites: GotoSite[] = [];

  /** Statements up to a closing token (parse-stmt.ts). */
  protected abstract seq(): Stmt[];
  /** flow.c's close_seq rule on a body's first statement (parse-stmt.ts). */
  protected abstract labelNotFirst(body: Stmt[], what: string): void;

  protected inlineCall(inl: Inline, returnTo: VarRef | null): Stmt {
    const name = this.next();
    this.next(); // (
    const args: Token[][] = [];
    if (!this.is(')')) {
      args.push([]);
      let depth = 0;
      for (;;) {
        const a = this.t;
        if (a.kind === 'eof') this.err(`unterminated call of inline '${name.text}'`, name);
        if (a.text === '(' || a.text === '[') depth++;
        else if (a.text === ')' || a.text === ']') { if (depth === 0) break; depth--; }
        else if (a.text === ',' && depth === 0) { this.next(); args.push([]); continue; }
        args[args.length - 1]!.push(this.next());
      }
    }
    this.next(); // )
    this.wholeArrayArgs(args);
    if (args.length !== inl.params.length) {
      this.err(`inline '${name.text}' takes ${inl.params.length} argument(s), got ${args.length}`, name);
    }
    if (++this.inlineDepth > 64) this.err(`inline '${name.text}' expands recursively`, name);
    if (inl.body.length === 0) this.err(`inline '${name.text}' has an empty body (SPIN refuses its call: write skip)`, name);
    this.openedSeq();
    const body: Token[] = [];
    for (const b of inl.body) {
      const k = b.kind === 'id' ? inl.params.indexOf(b.text) : -1;
      if (k >= 0) body.push(...args[k]!); else body.push(b);
    }
    body.push({ kind: 'eof', text: 'end of file', line: name.line, col: name.col });
    const saveToks = this.toks, saveP = this.p, saveSite = this.callSite;
    this.callSite ??= saveP;
    this.toks = body; this.p = 0;
    // SPIN gives each expansion a scope of its own: an inline that declares a local can be
    // called twice.
    this.scopes?.enter();
    const outer = this.scopePath;
    this.scopePath += `${++this.scopesOpened}_`;
    this.returnTargets.push(returnTo);
    const stmts = this.seq();
    this.returnTargets.pop();
    this.labelNotFirst(stmts, 'an inline body');
    this.scopePath = outer;
    this.scopes?.leave();
    if (this.t.kind !== 'eof') this.err(`expected ';' but found ${this.show(this.t)} in inline '${name.text}'`);
    this.toks = saveToks; this.p = saveP; this.callSite = saveSite;
    this.inlineDepth--;
    return { k: 'block', body: stmts, pos: name };
  }

  /** SPIN 6.5.2 parses an inline call's arguments as expressions (spin.y's args), so its
   * pfld check holds there: an array, or an array field of a structure, named without an
   * index is "missing array index" at the call, even where the body would index it or run
   * a for over it (glycerine optimized.pml). Another process's variable (`P:a`) is not
   * looked at. */
  protected wholeArrayArgs(args: Token[][]): void {
    for (const a of args) {
      for (let i = 0; i < a.length; i++) {
        const x = a[i]!;
        if (x.kind !== 'id' || ['.', ':', '@'].includes(a[i - 1]?.text ?? '')) continue;
        let d = this.declOf(this.scopes ? this.scopes.resolve(x.text, x) : x.text);
        for (let at = x; d !== undefined;) {
          if (a[i + 1]?.text === '[') {
            for (let depth = 0; i + 1 < a.length; ) { const t = a[++i]!.text; if (t === '[') depth++; else if (t === ']' && --depth === 0) break; }
          } else if (d.len > 0) this.err(`missing array index for '${at.text}' (SPIN 6.5.2 parses an inline's arguments as expressions: pass an element, or name the array in the inline's body)`, at);
          if (a[i + 1]?.text !== '.' || a[i + 2]?.kind !== 'id' || !d.struct) break;
          at = a[i + 2]!; i += 2;
          d = this.typedefs.get(d.struct)?.find((f) => f.name === at.text);
        }
      }
    }
  }
}
