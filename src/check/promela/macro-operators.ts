// cpp's two operators in a #define body, which SPIN gets from the cpp it runs on every
// model (SPIN's Examples/LTL/ltl_gen.pml: `#define Unary(s) printf(#s); ...`):
// `#p` is the argument of parameter p spelled as a string literal, and `a ## b` pastes
// the spellings of two tokens into one. An argument beside either operator is put in as
// written; elsewhere after its own expansion (C's rule, the caller's part).
import { ModelError, type Pos } from '../errors.js';
import { lex, type Token } from './lexer.js';

/** How a token is written: a string literal with its quotes, anything else its text. */
function spelling(t: Token): string {
  return t.kind === 'str' ? `"${t.text}"` : t.text;
}

/** `#p`: the argument's tokens as the contents of a string literal, one space where the
 * source had white space between two of them, `"` and `\` in string and character
 * literals escaped (cpp's stringification). Tokens an outer expansion put at one place
 * are taken as separated. */
export function stringify(arg: Token[], at: Pos): Token {
  let text = '';
  arg.forEach((t, i) => {
    const prev = arg[i - 1];
    if (prev && (prev.line !== t.line || prev.col + spelling(prev).length !== t.col || prev.file !== t.file)) text += ' ';
    const s = spelling(t);
    text += t.kind === 'str' || (t.kind === 'num' && s.startsWith("'")) ? s.replace(/[\\"]/g, '\\$&') : s;
  });
  return { ...at, kind: 'str', text, bol: false };
}

/** `a ## b`: the token the two spellings make together; cpp refuses a pair that makes no
 * single token. */
export function paste(a: Token, b: Token, at: Pos & { file?: string }): Token {
  const text = spelling(a) + spelling(b);
  let toks: Token[];
  try {
    toks = lex(text, at.line, at.col, at.file, false);
  } catch {
    toks = [];
  }
  if (toks.length !== 2) throw new ModelError(`pasting "${spelling(a)}" and "${spelling(b)}" does not give a valid preprocessing token`, at);
  return { ...toks[0]!, line: at.line, col: at.col, bol: false };
}
