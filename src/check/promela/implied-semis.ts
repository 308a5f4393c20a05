// SPIN 6.3's optional semicolons (spinlex.c, implied_semis; `spin -o7` turns them off): at
// the end of a line inside a proctype, init, never, inline or typedef body, outside
// parentheses, a line that ends in a token that can end a statement (a name, a constant,
// ++, --, ), ], }, od, fi, else, break) ends the statement. The parser takes statements
// without separators anyway; what the rule changes is where an expression stops:
// `respond = request` then `(respond == 0)` on the next line are two statements, not a
// call of `request`, and `x = a` then `-b` are two as well. None is put before a `{` (SPIN
// takes `for (i : 0 .. N)` with its body's brace on the next line; the parser needs no
// separator there).
//
// Rejected: deciding it in the parser from each token's `bol`. Macro expansion moves
// tokens to the line of the macro's use, exactly as cpp's output that SPIN reads puts
// them, so the line numbers after preprocessing are what SPIN's lexer sees; the rule is
// SPIN's lexer's, so it is applied to the token stream, as SPIN does.
import type { Token } from './lexer.js';

/** Words SPIN's lexer returns as keywords or types (never NAME), beyond those that end a
 * statement (CONST true/false/skip, od, fi, else, break: see ENDS_STATEMENT). */
const KEYWORDS = new Set([
  'active', 'assert', 'atomic', 'bit', 'bool', 'byte', 'c_code', 'c_decl', 'c_expr', 'c_state', 'c_track',
  'chan', 'do', 'd_step', 'empty', 'enabled', 'eval', 'for', 'full', 'get_priority', 'goto', 'hidden', 'if', 'in',
  'init', 'inline', 'int', 'len', 'local', 'ltl', 'mtype', 'nempty', 'never', 'nfull', 'notrace', 'of', 'pc_value',
  'pid', 'print', 'printf', 'printm', 'priority', 'proctype', 'provided', 'run', 'select', 'set_priority', 'short',
  'show', 'timeout', 'trace', 'typedef', 'unless', 'unsigned', 'xr', 'xs', 'D_proctype',
]);
const ENDS_STATEMENT = new Set(['true', 'false', 'skip', 'od', 'fi', 'else', 'break']);
/** What starts a body in which the rule applies (SPIN's `body` and typedef rules). */
const BODY_OWNERS = new Set(['proctype', 'init', 'never', 'inline', 'typedef', 'trace', 'notrace', 'D_proctype']);

export function insertImpliedSemis(toks: Token[]): Token[] {
  // Proctype, inline and typedef names are PNAME, INAME and UNAME to SPIN's lexer, not NAME.
  const special = new Set<string>();
  for (let i = 1; i < toks.length; i++) {
    const prev = toks[i - 1]!.text;
    if ((prev === 'proctype' || prev === 'inline' || prev === 'typedef') && toks[i]!.kind === 'id') special.add(toks[i]!.text);
  }
  const endsStatement = (t: Token): boolean =>
    t.kind === 'num' || (t.kind === 'op' && [')', ']', '}', '++', '--'].includes(t.text))
    || (t.kind === 'id' && (ENDS_STATEMENT.has(t.text) || (!KEYWORDS.has(t.text) && !special.has(t.text))));
  const out: Token[] = [];
  let depth = 0, bodyDepth = -1, parens = 0, owner = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!, prev = out[out.length - 1];
    if (prev && t.line > prev.line && bodyDepth >= 0 && parens === 0 && endsStatement(prev) && t.kind !== 'eof'
      && !(prev.text === '}' && t.text === 'unless') && t.text !== '{' && prev.file === t.file) {
      out.push({ kind: 'op', text: ';', line: prev.line, col: prev.col + prev.text.length, ...(prev.file !== undefined ? { file: prev.file } : {}) });
    }
    out.push(t);
    if (t.kind === 'str') continue;
    if (depth === 0 && t.kind === 'id' && BODY_OWNERS.has(t.text)) owner = true;
    if (t.text === '(') parens++;
    else if (t.text === ')') parens = Math.max(0, parens - 1);
    else if (t.text === '{') {
      if (depth === 0 && owner) { bodyDepth = 0; owner = false; parens = 0; }
      depth++;
    } else if (t.text === '}') {
      depth = Math.max(0, depth - 1);
      if (depth === 0) bodyDepth = -1;
    }
  }
  return out;
}
