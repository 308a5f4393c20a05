// The token cursor under the Promela parser: where it stands in the token list, the
// look-ahead and the errors it throws there, and the nesting bound. The bottom of the
// parser's class chain (parse-cursor, parse-names, parse-expr, parse-decl, parse-loops,
// parse-inline, parse-stmt, parser): one recursive-descent parser whose state (the
// names declared so far, the block scopes, where an inline is being expanded) every
// level reads, split by what each level parses. Rejected: free functions over a shared
// state object (every call would pass it, and the grammar's mutual recursion, statements
// in inlines in statements, needs late binding anyway), and one class per file joined
// by composition (each would hold references to the others: the same coupling, spread).
import { ModelError, type Pos } from '../errors.js';
import type { Token } from './lexer.js';

const SEQ_END = new Set(['}', 'od', 'fi', '::', 'end of file']);

/** Deepest nesting the parser accepts. Every later stage (flow, codegen, listings, V8
 * compiling the generated code) recurses along the syntax tree, so the tree's depth is
 * bounded too (tree-depth.ts, checked without recursion once the model is parsed). */
export const MAX_NEST = 250;

export abstract class TokenCursor {
  protected p = 0;
  /** Nesting of parentheses, operators, blocks and options being parsed (see enter). */
  protected nest = 0;

  constructor(protected toks: Token[]) {}

  protected get t(): Token { return this.toks[this.p]!; }
  protected peek(k = 1): Token { return this.toks[Math.min(this.p + k, this.toks.length - 1)]!; }
  protected is(text: string): boolean { return this.t.text === text && this.t.kind !== 'str'; }
  protected next(): Token { const t = this.t; if (t.kind !== 'eof') this.p++; return t; }
  protected show(t: Token): string { return t.kind === 'eof' ? 'end of file' : `'${t.text}'`; }
  protected err(msg: string, t: Pos = this.t): never { throw new ModelError(msg, t); }
  protected expect(text: string, what = `'${text}'`): Token {
    if (!this.is(text)) this.err(`expected ${what} but found ${this.show(this.t)}`);
    return this.next();
  }

  /** At a token that closes a sequence (`}`, `od`, `fi`, `::`, the end). */
  protected atSeqEnd(): boolean {
    return SEQ_END.has(this.t.kind === 'eof' ? 'end of file' : this.t.text) && this.t.kind !== 'str';
  }

  /** One level deeper in the source's nesting: refused past MAX_NEST, before the parser's
   * own recursion could exhaust the stack. */
  protected enter(): void {
    if (++this.nest > MAX_NEST) this.err(`the model nests more than ${MAX_NEST} levels deep (parentheses, operators or blocks)`);
  }
}
