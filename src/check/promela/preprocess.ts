// The C preprocessor subset Promela models use: #define (object- and function-like),
// #undef, #if/#ifdef/#ifndef/#elif/#else/#endif, #include "file". It works on tokens, so
// every expanded token keeps the position of the macro use and errors point at the source
// (an included file's tokens carry its name, see Pos).
import { ModelError, type Pos } from '../errors.js';
import { lex, type Token } from './lexer.js';
import { paste, stringify } from './macro-operators.js';

interface Macro { params: string[] | null; body: Token[] }

/** Reads `#include "name"` for the directive at `at` (its `file` says which file includes
 * it); returns the file's tokens, or throws a ModelError naming the file. Without one,
 * #include is refused. */
export type Includer = (name: string, at: Token) => Token[];

/** Deepest chain of #include (a file that includes itself would otherwise never end). */
const MAX_INCLUDE_DEPTH = 32;

export function preprocess(tokens: Token[], include?: Includer): Token[] {
  const macros = new Map<string, Macro>();
  const out: Token[] = [];
  // Each open conditional: whether its current branch is live, whether one was taken.
  const conds: { live: boolean; taken: boolean; outerLive: boolean; pos: Pos }[] = [];
  const live = () => conds.length === 0 || conds[conds.length - 1]!.live;
  const pending: Token[] = [];

  const flush = () => { if (pending.length) { append(out, expand(pending, macros, new Set())); pending.length = 0; } };

  // An included file's tokens go through the same loop, as cpp reads it in place: its
  // macros stay defined after it, its conditionals must close inside it.
  const walk = (toks: Token[], depth: number): void => {
    const open = conds.length;
    for (const tok of toks) {
      if (tok.kind !== 'directive') {
        if (tok.kind === 'eof') {
          if (conds.length > open) throw new ModelError('#if without #endif', conds[conds.length - 1]!.pos);
          if (depth === 0) { flush(); out.push(tok); }
          break;
        }
        if (live()) pending.push(tok);
        continue;
      }
      flush();
      const m = /^\s*([A-Za-z_]\w*)?\s*/.exec(tok.text)!;
      const name = m[1] ?? '';
      const restCol = tok.col + 1 + m[0].length;
      const rest = tok.text.slice(m[0].length);
      const restTokens = () => lex(rest, tok.line, restCol, tok.file).filter((t) => t.kind !== 'eof');
      switch (name) {
        case 'if': case 'ifdef': case 'ifndef': {
          const outer = live();
          let v = false;
          if (outer) {
            if (name === 'if') v = evalCondition(restTokens(), macros, tok);
            else {
              const id = restTokens()[0];
              if (!id || id.kind !== 'id') throw new ModelError(`#${name} needs a macro name`, tok);
              v = macros.has(id.text) === (name === 'ifdef');
            }
          }
          conds.push({ live: outer && v, taken: v, outerLive: outer, pos: tok });
          break;
        }
        case 'elif': {
          const c = conds[conds.length - 1];
          if (!c) throw new ModelError('#elif without #if', tok);
          const v = c.outerLive && !c.taken && evalCondition(restTokens(), macros, tok);
          c.live = v; c.taken ||= v;
          break;
        }
        case 'else': {
          const c = conds[conds.length - 1];
          if (!c) throw new ModelError('#else without #if', tok);
          c.live = c.outerLive && !c.taken; c.taken = true;
          break;
        }
        case 'endif':
          if (conds.length <= open) throw new ModelError('#endif without #if', tok);
          conds.pop();
          break;
        case 'define': {
          if (!live()) break;
          const nm = /^([A-Za-z_]\w*)(\([^)]*\))?/.exec(rest);
          if (!nm) throw new ModelError('#define needs a macro name', { line: tok.line, col: restCol });
          let params: string[] | null = null;
          if (nm[2] !== undefined) {
            const inner = nm[2].slice(1, -1).trim();
            params = inner === '' ? [] : inner.split(',').map((s) => s.trim());
            for (const p of params) if (!/^[A-Za-z_]\w*$/.test(p)) throw new ModelError(`bad macro parameter '${p}'`, tok);
          }
          const body = lex(rest.slice(nm[0].length), tok.line, restCol + nm[0].length, tok.file, false).filter((t) => t.kind !== 'eof');
          checkOperators(params, body);
          macros.set(nm[1]!, { params, body });
          break;
        }
        case 'undef': {
          if (!live()) break;
          const id = restTokens()[0];
          if (id) macros.delete(id.text);
          break;
        }
        case 'include': {
          if (!live()) break;
          const f = /^(?:"([^"]*)"|<([^>]*)>)\s*$/.exec(rest);
          if (!f) throw new ModelError('#include needs a file name in quotes: #include "file"', tok);
          if (!include) throw new ModelError("'#include' is not supported here (the model has no file to include from)", tok);
          if (depth >= MAX_INCLUDE_DEPTH) throw new ModelError(`#include nested more than ${MAX_INCLUDE_DEPTH} deep (does a file include itself?)`, tok);
          walk(include(f[1] ?? f[2]!, tok), depth + 1);
          break;
        }
        default:
          if (live()) throw new ModelError(`unknown preprocessor directive '#${name}'`, tok);
      }
    }
  };
  walk(tokens, 0);
  if (conds.length) throw new ModelError('#if without #endif', conds[conds.length - 1]!.pos);
  return out;
}

/** Expansion recurses once per macro inside a macro; a chain longer than this is refused
 * rather than left to exhaust the stack. */
const MAX_MACRO_NESTING = 200;
/** Tokens an expansion may produce: macros that double at each level would otherwise
 * exhaust memory before any error. */
const MAX_TOKENS = 20_000_000;

/** Appends without spreading (a spread passes every element as an argument, on the stack). */
function append<T>(out: T[], xs: readonly T[]): void {
  if (out.length + xs.length > MAX_TOKENS) {
    const t = xs[0] as unknown as Token | undefined;
    throw new ModelError(`the model expands to more than ${MAX_TOKENS} tokens`, t && 'line' in t ? t : null);
  }
  for (let i = 0; i < xs.length; i++) out.push(xs[i]!);
}

/** Expands macros in `toks`; `hide` holds macros being expanded (no self-recursion, as in C). */
function expand(toks: Token[], macros: Map<string, Macro>, hide: Set<string>): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const m = t.kind === 'id' && !hide.has(t.text) ? macros.get(t.text) : undefined;
    // cpp leaves a macro's name inside a preprocessing number as it is, and SPIN then finds
    // no variable of that name (a variable cannot share a macro's name: cpp would rewrite
    // its declaration too), so the model is refused here, where the reason is known.
    if (m && t.inNumber) throw new ModelError(`undeclared variable: ${t.text} (cpp, which SPIN runs first, reads a number followed by dots and a name, such as 1..${t.text}, as one token and does not expand the macro ${t.text} in it: write 1 .. ${t.text})`, t);
    if (!m) { out.push(t); continue; }
    // An expanded token stands where the macro is used, in the use's file (the macro may
    // come from an included file).
    const at = (b: Token): Token => {
      const u: Token = { ...b, line: t.line, col: t.col, bol: false };
      if (t.file === undefined) delete u.file; else u.file = t.file;
      return u;
    };
    if (m.params === null) {
      if (hide.size >= MAX_MACRO_NESTING) throw new ModelError(`macros nest more than ${MAX_MACRO_NESTING} deep at '${t.text}'`, t);
      append(out, expand(substitute(m, [], [], at), macros, new Set([...hide, t.text])));
      continue;
    }
    if (toks[i + 1]?.text !== '(') { out.push(t); continue; }
    // Collect the arguments: commas split only at parenthesis depth 0.
    const args: Token[][] = [[]];
    let depth = 0, j = i + 2;
    for (; j < toks.length; j++) {
      const a = toks[j]!;
      if (a.text === '(' || a.text === '[' || a.text === '{') depth++;
      else if (a.text === ')' || a.text === ']' || a.text === '}') { if (depth === 0) break; depth--; }
      else if (a.text === ',' && depth === 0) { args.push([]); continue; }
      args[args.length - 1]!.push(a);
    }
    if (j >= toks.length) throw new ModelError(`unterminated call of macro '${t.text}'`, t);
    const given = args.length === 1 && args[0]!.length === 0 ? 0 : args.length;
    if (given !== m.params.length) {
      throw new ModelError(`macro '${t.text}' takes ${m.params.length} argument(s), got ${given}`, t);
    }
    const expanded = args.map((a) => expand(a, macros, hide));
    const body = substitute(m, args, expanded, at);
    if (hide.size >= MAX_MACRO_NESTING) throw new ModelError(`macros nest more than ${MAX_MACRO_NESTING} deep at '${t.text}'`, t);
    append(out, expand(body, macros, new Set([...hide, t.text])));
    i = j;
  }
  return out;
}

/** cpp refuses a #define whose `#` names no parameter (in a function-like macro) or whose
 * `##` begins or ends the body, used or not. */
function checkOperators(params: string[] | null, body: Token[]): void {
  body.forEach((b, i) => {
    if (b.kind !== 'op') return;
    const next = body[i + 1];
    if (b.text === '#' && params !== null && !(next?.kind === 'id' && params.includes(next.text))) throw new ModelError("'#' is not followed by a macro parameter", b);
    if (b.text === '##' && (i === 0 || next === undefined)) throw new ModelError("'##' cannot appear at either end of a macro expansion", b);
  });
}

/** A macro's body with the arguments put in (`raw` as written, `expanded` after their own
 * expansion), `#p` and `a ## b` done as cpp does them (macro-operators.ts); `at` places a
 * token where the macro is used. */
function substitute(m: Macro, raw: Token[][], expanded: Token[][], at: (b: Token) => Token): Token[] {
  const param = (b: Token | undefined) => (m.params !== null && b?.kind === 'id' ? m.params.indexOf(b.text) : -1);
  const isOp = (b: Token | undefined, op: string) => b?.kind === 'op' && b.text === op;
  const body: Token[] = [];
  for (let i = 0; i < m.body.length; i++) {
    const b = m.body[i]!;
    // `#` is an operator in a function-like macro only (cpp leaves it alone elsewhere).
    if (m.params !== null && isOp(b, '#')) {
      const k = param(m.body[i + 1]);
      body.push(stringify(raw[k]!, at(b))); // k >= 0: checkOperators saw to it at the #define
      i++;
      continue;
    }
    if (isOp(b, '##')) {
      const next = m.body[i + 1];
      const k = param(next!); // never first or last: checkOperators
      const right = k >= 0 ? raw[k]!.map(at) : [at(next)];
      i++;
      // An empty argument on either side leaves the other side as it is.
      const left = right.length ? body.pop() : undefined;
      if (left === undefined) { append(body, right); continue; }
      body.push(paste(left, right[0]!, at(b)));
      append(body, right.slice(1));
      continue;
    }
    const k = param(b);
    if (k >= 0) append(body, (isOp(m.body[i + 1], '##') ? raw[k]! : expanded[k]!).map(at));
    else body.push(at(b));
  }
  return body;
}

/** Evaluates a #if condition: `defined X`, then macros, then C integer arithmetic. */
function evalCondition(toks: Token[], macros: Map<string, Macro>, where: Pos): boolean {
  const resolved: Token[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.text === 'defined') {
      const paren = toks[i + 1]?.text === '(';
      const id = toks[i + (paren ? 2 : 1)];
      if (!id || id.kind !== 'id') throw new ModelError("'defined' needs a macro name", t);
      resolved.push({ ...t, kind: 'num', text: '', value: macros.has(id.text) ? 1 : 0 });
      i += paren ? 3 : 1;
    } else resolved.push(t);
  }
  const ex = expand(resolved, macros, new Set());
  let p = 0;
  const peek = () => ex[p]?.text;
  const fail = (): never => { throw new ModelError('bad #if expression', ex[p] ?? where); };
  const LEVELS: string[][] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];
  const unary = (): number => {
    const t = ex[p++] ?? fail();
    if (t.text === '!') return unary() ? 0 : 1;
    if (t.text === '-') return -unary();
    if (t.text === '~') return ~unary();
    if (t.text === '(') { const v = ternary(); if (ex[p++]?.text !== ')') fail(); return v; }
    if (t.kind === 'num') return t.value!;
    if (t.kind === 'id') return t.text === 'true' ? 1 : 0; // undefined names are 0, as in C
    return fail();
  };
  const binary = (lvl: number): number => {
    if (lvl === LEVELS.length) return unary();
    let v = binary(lvl + 1);
    while (LEVELS[lvl]!.includes(peek() ?? '')) {
      const op = ex[p++]!.text, r = binary(lvl + 1);
      v = applyBinary(op, v, r);
    }
    return v;
  };
  const ternary = (): number => {
    const c = binary(0);
    if (peek() !== '?') return c;
    p++; const a = ternary(); if (ex[p++]?.text !== ':') fail(); const b = ternary();
    return c ? a : b;
  };
  const v = ternary();
  if (p !== ex.length) fail();
  return v !== 0;
}

export function applyBinary(op: string, a: number, b: number): number {
  switch (op) {
    case '||': return a || b ? 1 : 0;
    case '&&': return a && b ? 1 : 0;
    case '|': return a | b; case '^': return a ^ b; case '&': return a & b;
    case '==': return a === b ? 1 : 0; case '!=': return a !== b ? 1 : 0;
    case '<': return a < b ? 1 : 0; case '<=': return a <= b ? 1 : 0;
    case '>': return a > b ? 1 : 0; case '>=': return a >= b ? 1 : 0;
    case '<<': return a << b; case '>>': return a >> b;
    case '+': return (a + b) | 0; case '-': return (a - b) | 0; case '*': return Math.imul(a, b);
    case '/': return b === 0 ? 0 : (a / b) | 0; case '%': return b === 0 ? 0 : a % b;
  }
  throw new Error(`unknown operator ${op}`);
}
