// Expressions: precedence climbing over SPIN's operator levels, the primaries (constants,
// mtype names, run, channel functions, remote references), variable references with
// their fields and indices, and the argument lists of sends and receives, which are
// expressions or variables to store into. Declarations and statements are above it.
import type { Pos } from '../errors.js';
import type { Token } from './lexer.js';
import type { Expr, RecvArg, VarRef } from './ast.js';
import { NameScope } from './parse-names.js';
import { constValue } from './const-value.js';
import { exprText } from './text.js';

// Expressions, lowest precedence first. `->` inside parentheses is the conditional.
const LEVELS: string[][] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];

/** Each binary operator's level in LEVELS (the LTL parser reads it too). */
export const PREC = new Map(LEVELS.flatMap((ops, lvl) => ops.map((op) => [op, lvl] as const)));

export abstract class ExprParser extends NameScope {
  protected usesTimeout = false;
  protected usesLast = false;
  /** Parsing a send's first argument (see sendArgs). */
  protected sendHead = false;

  expr(): Expr {
    this.enter();
    const e = this.climb(0);
    this.nest--;
    return e;
  }

  /** Precedence climbing: a chain of operators of one level is a loop, not a recursion;
   * only a tighter-binding right operand recurses (at most once per level). */
  protected climb(minLvl: number, first?: Expr): Expr {
    let a = first ?? this.unary();
    for (;;) {
      const lvl = this.t.kind === 'op' ? PREC.get(this.t.text) : undefined;
      if (lvl === undefined || lvl < minLvl) return a;
      if (this.ltlArrowAhead()) return a;
      const op = this.next();
      a = { k: 'bin', op: op.text, a, b: this.climb(lvl + 1), pos: op };
    }
  }

  /** In an LTL formula, `<` before `->` or `>` starts <-> or <>, not a comparison. */
  protected ltlArrowAhead(): boolean {
    return this.t.text === '<' && (this.peek().text === '->' || this.peek().text === '>');
  }

  protected unary(): Expr {
    const ops: Token[] = [];
    while (this.t.kind === 'op' && (this.t.text === '!' || this.t.text === '-' || this.t.text === '~')) {
      ops.push(this.next());
      this.enter();
    }
    let e = this.primary();
    for (let i = ops.length - 1; i >= 0; i--) {
      const t = ops[i]!;
      e = { k: 'un', op: t.text as '!' | '-' | '~', a: e, pos: t };
      this.nest--;
    }
    return e;
  }

  protected primary(): Expr {
    const t = this.t;
    const pos: Pos = t;
    if (t.kind === 'num') { this.next(); return { k: 'num', v: t.value!, pos }; }
    if (this.is('(')) {
      this.next();
      const e = this.expr();
      if (this.is('->')) {
        this.next();
        const a = this.expr();
        this.expect(':');
        const b = this.expr();
        this.expect(')');
        return { k: 'cond', c: e, a, b, pos };
      }
      this.expect(')', "')' or '->'");
      return e;
    }
    if (t.kind !== 'id') this.err(`expected an expression but found ${this.show(t)}`);
    this.rejectUnsupported(t);
    switch (t.text) {
      case 'true': this.next(); return { k: 'num', v: 1, pos, text: 'true' };
      case 'false': this.next(); return { k: 'num', v: 0, pos, text: 'false' };
      case '_pid': this.next(); return { k: 'pid', pos };
      case '_nr_pr': this.next(); return { k: 'nr_pr', pos };
      case 'np_': this.next(); return { k: 'np', pos };
      case '_last': this.next(); this.usesLast = true; return { k: 'last', pos };
      case 'enabled': {
        this.next(); this.expect('(');
        const a = this.expr();
        this.expect(')');
        return { k: 'enabled', a, pos };
      }
      case 'timeout': this.next(); this.usesTimeout = true; return { k: 'timeout', pos };
      case 'run': {
        this.next();
        const name = this.ident('a proctype name').text;
        this.expect('(');
        const args: Expr[] = [];
        while (!this.is(')')) { args.push(this.expr()); if (!this.is(')')) this.expect(',', "',' or ')'"); }
        this.next();
        if (this.is('priority')) return { k: 'run', proc: name, args, pos, priority: this.priorityValue() };
        return { k: 'run', proc: name, args, pos };
      }
      case 'get_priority': case 'set_priority': {
        this.next(); this.expect('(');
        const args = [this.expr()];
        if (t.text === 'set_priority') { this.expect(',', "','"); args.push(this.expr()); }
        this.expect(')');
        return { k: 'prio', set: t.text === 'set_priority', args, pos };
      }
      case 'len': case 'empty': case 'full': case 'nempty': case 'nfull': {
        this.next(); this.expect('(');
        const ch = this.varref();
        this.expect(')');
        return { k: 'chanop', op: t.text, ch, pos };
      }
    }
    if (this.procNames.has(t.text) && (this.peek().text === '[' || this.peek().text === '@' || (this.peek().text === ':' && this.peek(2).kind === 'id'))) return this.remoteRef();
    const m = this.mtypeValue.get(t.text);
    if (m !== undefined) { this.next(); return { k: 'num', v: m, pos, text: t.text }; }
    if (this.peek().text === '(' && !['if', 'do'].includes(t.text) && !(this.sendHead && !this.inlines.has(t.text))) {
      this.err(this.inlines.has(t.text) ? `inline '${t.text}' used inside an expression` : `unknown function or macro '${t.text}'`, t);
    }
    const v = this.varref();
    if ((this.is('?') || this.is('??')) && this.peek().text === '[') {
      const random = this.next().text === '??';
      this.next();
      const args = this.recvArgs();
      this.expect(']');
      return { k: 'poll', ch: v, args, pos, ...(random ? { random } : {}) };
    }
    return v;
  }

  /** `proc[pid]@label` (process pid is at that label) or `proc[pid]:var` (its local);
   * without `[pid]`, SPIN's f_pid: the first running process of that proctype. */
  protected remoteRef(): Expr {
    const t = this.next();
    const pos: Pos = t;
    let pid: Expr | null = null;
    if (this.is('[')) {
      this.next();
      pid = this.expr();
      this.expect(']');
    } else if (!this.is('@') && !this.is(':')) this.err(`expected '[pid]', '@label' or ':variable' after '${t.text}'`);
    if (this.is('@')) { this.next(); return { k: 'rlabel', proc: t.text, pid, label: this.ident('a label').text, pos }; }
    if (this.is(':')) {
      this.next();
      return { k: 'rvar', proc: t.text, pid, v: this.varref(false, false, t.text), pos };
    }
    return this.err(`expected '@label' or ':variable' after ${t.text}${pid ? '[...]' : ''}`);
  }

  /** `scoped`: the name is resolved in the block scopes where the parser stands (not for
   * a remote reference's, which names another process's local); `remote`: the proctype
   * of a remote reference `P:v` (spin.y's `PNAME ':' pfld`), whose v takes no field. */
  protected varref(scoped = true, wholeArray = false, remote: string | null = null): VarRef {
    const id = this.ident('a variable');
    // spin.y's `PNAME ':' pfld`: the variable must lex as a plain NAME (parse-names.ts).
    if (remote !== null) this.plainName(id, `the variable of a remote reference ${remote}:${id.text}`);
    const name = scoped && this.scopes ? this.scopes.resolve(id.text, id) : id.text;
    let index: Expr | null = null;
    if (this.is('[')) { this.next(); index = this.expr(); this.expect(']'); }
    // SPIN's pfld: an array named without an index is an error everywhere but `for (x in
    // a)` ("missing array index"); taken as element 0, `x = a` would check another model.
    else if (scoped && !wholeArray && (this.declOf(name)?.len ?? 0) > 0) this.err(`missing array index for '${id.text}'`, id);
    const fields: VarRef['fields'] = [];
    // `x .. y` (a for or select range) is no field of x.
    while (this.is('.') && this.peek().text !== '.') {
      if (remote !== null) this.err(`syntax error: saw '.' (a remote reference ${remote}:${id.text} names a variable or an array element, not a structure field)`);
      this.next();
      const f = this.ident('a field name');
      this.plainName(f, 'a field');
      let fi: Expr | null = null;
      if (this.is('[')) { this.next(); fi = this.expr(); this.expect(']'); }
      fields.push({ name: f.text, index: fi, pos: f });
    }
    return { k: 'var', name, index, fields, pos: id };
  }

  /** spin.y's margs: `c!e(a, b)` is `c!e, a, b`. Its first argument is an expression that
   * a parenthesised list may follow, so a name there followed by `(` is that name, not a
   * call (glycerine deadlock.giop.prm's `out!msgType(dst, msg)` with `mtype msgType`). */
  protected sendArgs(): Expr[] {
    this.sendHead = true;
    let head: Expr;
    try { head = this.expr(); } finally { this.sendHead = false; }
    const args = [head];
    for (;;) {
      if (this.is(',')) { this.next(); args.push(this.expr()); }
      else if (this.is('(')) { this.next(); args.push(this.expr()); while (this.is(',')) { this.next(); args.push(this.expr()); } this.expect(')'); }
      else return args;
    }
  }

  protected recvArgs(): RecvArg[] {
    const one = (): RecvArg => {
      if (this.t.kind === 'id' && this.t.text === '_') { this.next(); return { k: 'any' }; }
      if (this.t.kind === 'id' && this.is('eval') && this.peek().text === '(') {
        this.next(); this.next();
        const e = this.expr();
        this.expect(')');
        return { k: 'match', e };
      }
      if (this.t.kind === 'id' && !this.mtypes.includes(this.t.text) && !['true', 'false', '_pid'].includes(this.t.text)) {
        return { k: 'store', v: this.varref() };
      }
      return { k: 'match', e: this.unary() };
    };
    // spin.y's rargs: `( rargs )` is the list in parentheses, `c?(a, b)` as `c?a, b`.
    if (this.is('(')) {
      this.next();
      const inner = this.recvArgs();
      this.expect(')');
      return inner;
    }
    const args = [one()];
    for (;;) {
      if (this.is(',')) { this.next(); args.push(one()); }
      else if (this.is('(')) { this.next(); args.push(one()); while (this.is(',')) { this.next(); args.push(one()); } this.expect(')'); }
      else return args;
    }
  }

  /** pan's code for a receive saves each variable it writes, to undo the step: one plain
   * variable in two fields (`c?x,x`) is refused as pangen2.c refuses it ("cannot use var
   * in multiple msg fields"); arrays, structures and `_` are not checked there either. */
  protected noVarTwice(args: RecvArg[]): RecvArg[] {
    args.forEach((a, i) => {
      if (a.k !== 'store' || a.v.index !== null || a.v.fields.length > 0 || a.v.name === '_') return;
      const d = this.declOf(a.v.name);
      if (d === undefined || d.len > 0 || d.struct) return;
      if (args.slice(i + 1).some((b) => b.k === 'store' && b.v.name === a.v.name)) this.err(`cannot use var ('${a.v.name}') in multiple msg fields`, a.v.pos);
    });
    return args;
  }

  /** A constant expression (sizes, capacities, `active [N]`), evaluated as C ints. */
  protected constant(what: string): number {
    const at = this.t;
    const e = this.expr();
    const v = constValue(e);
    if (v === null) this.err(`expected ${what} (a constant expression) but found '${exprText(e)}'`, at);
    return v;
  }

  /** `priority N` after a proctype's parameters or a run: SPIN's grammar takes a constant
   * (PRIORITY CONST); 0 means the default, 1. */
  protected priorityValue(): number {
    this.next();
    const t = this.t;
    if (t.kind !== 'num') this.err(`expected a number after 'priority' but found ${this.show(t)}`);
    if (t.value! > 255) this.err(`priority ${t.value} is out of range (1 to 255)`);
    this.next();
    return Math.max(1, t.value!);
  }
}
