// Splits Promela source into tokens. Preprocessor lines (`#...`) come out whole as one
// 'directive' token so the preprocessor can act on them; comments vanish.
import { ModelError, type Pos } from '../errors.js';

export type TokenKind = 'id' | 'num' | 'str' | 'op' | 'directive' | 'eof';

export interface Token extends Pos {
  kind: TokenKind;
  text: string;
  /** For 'num': the value. */
  value?: number;
  /** True when the token is the first on its source line (directives must be). */
  bol?: boolean;
  /** For 'id': the name lies inside a C preprocessing number (`N` in `1..N`), which cpp
   * reads as one token and so never expands as a macro. */
  inNumber?: true;
}

// Longest first, so `->` wins over `-`.
const OPS = [
  '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '++', '--', '->', '::', '??', '!!', '##',
  '+', '-', '*', '/', '%', '<', '>', '=', '!', '~', '&', '|', '^', '(', ')', '[', ']',
  '{', '}', ';', ',', ':', '.', '?', '@', '#',
];

/** `file`: set on every token of an included file (see Pos). `directives`: false for a
 * #define's body, where `#` is cpp's stringification, not a directive's start. */
export function lex(src: string, firstLine = 1, firstCol = 1, file?: string, directives = true): Token[] {
  const out: Token[] = [];
  let i = 0, line = firstLine, col = firstCol, bol = true;
  const n = src.length;
  // Where the preprocessing number cpp reads at the last number ends (C's pp-number: a
  // digit, then digits, letters, `_`, `.` and e+ e- p+ p-): Promela's lexer splits `1..N`
  // into 1, .., N, but cpp has already left `N` alone there.
  let ppNumberEnd = -1;
  const adv = (k: number) => {
    for (let j = 0; j < k; j++) {
      if (src.charCodeAt(i) === 10) { line++; col = 1; bol = true; } else col++;
      i++;
    }
  };
  while (i < n) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\n') { adv(1); continue; }
    // A backslash-newline outside a directive: SPIN reads the model through cpp, which
    // removes it, and GNU cpp prints the tokens of the continuation line on a line of
    // their own, so SPIN's lexer sees a line break there (its implied semicolons apply,
    // `x = a \` then `+ b` is its syntax error) but never a directive's start.
    const sp = splice(src, i);
    if (sp > 0) { const keep: boolean = bol; adv(sp); bol = keep; continue; }
    if (c === '/' && src[i + 1] === '*') {
      const start = { line, col };
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw new ModelError('unterminated comment', start);
      adv(end + 2 - i); continue;
    }
    // cpp splices lines before it removes comments: a `//` comment goes on past a
    // backslash-newline.
    if (c === '/' && src[i + 1] === '/') { while (i < n && src[i] !== '\n') adv(splice(src, i) || 1); continue; }
    // A `*/` outside a comment (left by a nested `/* .. /* .. */ */`) is nothing: SPIN's
    // lexer reads it as the end of a comment (spinlex.c's in_comment), not as * and /.
    if (c === '*' && src[i + 1] === '/') { adv(2); continue; }
    const pos = { line, col };
    if (c === '#' && bol && directives) {
      // A whole logical line: backslash-newline continues it, comments inside are dropped.
      let text = '';
      adv(1);
      while (i < n && src[i] !== '\n') {
        // Spliced as cpp splices: nothing is put in the backslash-newline's place.
        const k = splice(src, i);
        if (k > 0) { adv(k); continue; }
        if (src[i] === '/' && src[i + 1] === '*') {
          const end = src.indexOf('*/', i + 2);
          if (end < 0) throw new ModelError('unterminated comment', { line, col });
          text += ' '; adv(end + 2 - i); continue;
        }
        if (src[i] === '/' && src[i + 1] === '/') { while (i < n && src[i] !== '\n') adv(splice(src, i) || 1); break; }
        text += src[i]; adv(1);
      }
      out.push({ kind: 'directive', text, ...pos, bol: true });
      continue;
    }
    const wasBol = bol;
    bol = false;
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_]/.test(src[j]!)) j++;
      out.push({ kind: 'id', text: src.slice(i, j), ...pos, bol: wasBol, ...(i < ppNumberEnd ? { inNumber: true as const } : {}) });
      adv(j - i); continue;
    }
    if (/[0-9]/.test(c)) {
      if (i >= ppNumberEnd) ppNumberEnd = i + /^\d(?:[eEpP][+-]|[\w.])*/.exec(src.slice(i, i + 256))![0].length;
      let j = i + 1;
      const hex = c === '0' && (src[j] === 'x' || src[j] === 'X');
      if (hex) j++;
      while (j < n && (hex ? /[0-9a-fA-F]/ : /[0-9]/).test(src[j]!)) j++;
      const text = src.slice(i, j);
      out.push({ kind: 'num', text, value: Number(text), ...pos, bol: wasBol });
      adv(j - i); continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < n && src[j] !== '"' && src[j] !== '\n') j += splice(src, j) || (src[j] === '\\' ? 2 : 1);
      if (src[j] !== '"') throw new ModelError('unterminated string', pos);
      out.push({ kind: 'str', text: src.slice(i + 1, j).replace(/\\\r?\n/g, ''), ...pos, bol: wasBol });
      adv(j + 1 - i); continue;
    }
    if (c === "'") {
      // Character constants are numbers, as in C.
      const m = /^'(\\.|[^\\'])'/.exec(src.slice(i, i + 4));
      if (!m) throw new ModelError('bad character constant', pos);
      const body = m[1]!;
      const esc: Record<string, number> = { n: 10, t: 9, r: 13, '0': 0, '\\': 92, "'": 39 };
      const value = body.length === 2 ? (esc[body[1]!] ?? body.charCodeAt(1)) : body.charCodeAt(0);
      out.push({ kind: 'num', text: m[0], value, ...pos, bol: wasBol });
      adv(m[0].length); continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ModelError(`unexpected character '${c}'`, pos);
    out.push({ kind: 'op', text: op, ...pos, bol: wasBol });
    adv(op.length);
  }
  out.push({ kind: 'eof', text: 'end of file', line, col });
  if (file !== undefined) for (const t of out) t.file = file;
  return out;
}

/** The length of a backslash-newline (cpp's line splice) at i, 0 if there is none. */
function splice(src: string, i: number): number {
  if (src.charCodeAt(i) !== 92) return 0;
  const c = src.charCodeAt(i + 1);
  return c === 10 ? 2 : c === 13 && src.charCodeAt(i + 2) === 10 ? 3 : 0;
}
