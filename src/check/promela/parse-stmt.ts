// Statements and sequences: SPIN's separators between statements, labels (with their
// block scopes and flow.c's placement rules), if/do options, atomic and d_step, unless,
// goto, printf, assignments, sends and receives, and a local's declaration where it
// stands (a step of its own after the first statement, as SPIN's open_seq decides).
// A trace body's declarations are the trace's own (traceDecl).
import type { Pos } from '../errors.js';
import type { Token } from './lexer.js';
import type { Expr, Stmt, VarDecl } from './ast.js';
import { RESERVED } from './reserved.js';
import { resolveLabelScopes } from './label-scopes.js';
import { pruneSkips } from './redundant-skips.js';
import { InlineExpander } from './parse-inline.js';

export abstract class StmtParser extends InlineExpander {
  /** Parsing the never claim, whose options SPIN leaves as written (redundant-skips.ts). */
  protected inClaim = false;

  /** A proctype's (or claim's) body, with its labels resolved by block scope. */
  protected labelScoped(body: () => Stmt[]): Stmt[] {
    this.labelSites = []; this.gotoSites = [];
    const stmts = body();
    resolveLabelScopes(this.labelSites, this.gotoSites);
    return stmts;
  }

  /** `{ sequence }`; `what` it is the body of (null for a for loop's, which SPIN's grammar
   * reads as part of the for). */
  protected override block(top = false, what: string | null = 'a { } block'): Stmt[] {
    this.expect('{');
    if (!top) this.openedSeq();
    this.enter();
    this.scopes?.enter();
    const outer = this.scopePath;
    this.scopePath += `${++this.scopesOpened}_`;
    const body = this.seq();
    if (!top && what !== null) this.labelNotFirst(body, what);
    this.scopePath = outer;
    this.scopes?.leave();
    this.nest--;
    if (!this.is('}')) this.err(`expected ';' or '}' but found ${this.show(this.t)}`);
    this.next();
    return body;
  }

  /** flow.c's close_seq: a label on the first statement of a `{ }`, atomic, d_step or
   * inline body is SPIN's error "label L placed incorrectly" (it would name the state
   * before the sequence and one inside it at once; SPIN says to put it before the block). */
  protected override labelNotFirst(body: Stmt[], what: string): void {
    const first = body[0];
    if (first?.k === 'label' && !labelsLoop(first)) this.err(`label '${first.name}' placed incorrectly: SPIN refuses a label on the first statement of ${what} (put it before the ${what === 'an inline body' ? 'call' : 'block'})`, first.pos);
  }

  /** Statements up to a closing token. Between two statements SPIN's grammar wants a
   * separator (`;` or `->`); its lexer supplies one at a line's end (implied-semis.ts)
   * and after a `}` or an `else`, and an inline call ends in its body's `}`. Anything
   * else, `x = 1 x = 2` or `c!1 c?x` on one line, is SPIN's syntax error, and refused
   * here too: taken as two statements, a mistyped model would be checked as another. */
  protected override seq(): Stmt[] {
    const out: Stmt[] = [];
    this.seqDepth++;
    let needSep = false;
    // SPIN's sequence starts with a step: `{ ; x = 1 }` and `:: -> x` are its syntax errors.
    if (this.is(';') || this.is('->')) this.err(`expected a statement but found ${this.show(this.t)} (a sequence cannot start with a separator)`);
    // ... and has at least one (a declaration counts): `{ }`, `atomic { }`, `init { }` and
    // `:: fi` are its syntax errors too; an empty body is likelier a slip than a skip.
    if (this.atSeqEnd()) {
      this.err(`expected a statement but found ${this.show(this.t)} (a sequence cannot be empty: write skip)`);
    }
    for (;;) {
      let sep = false;
      while (this.is(';') || this.is('->')) { this.next(); sep = true; }
      if (this.atSeqEnd()) { this.seqDepth--; return out; }
      // A `{` on a line of its own: implied-semis.ts leaves its separator out (for the
      // sake of `for (...)` with its brace on the next line), SPIN's lexer does not.
      const braceOnNewLine = this.is('{') && this.t.line > (this.toks[this.p - 1]?.line ?? this.t.line);
      if (needSep && !sep && !this.is('unless') && !braceOnNewLine) this.err(`expected ';' or '->' between two statements but found ${this.show(this.t)}`);
      let s = this.stmt();
      while (s && this.is('unless')) {
        // flow.c's do_unless: a label on a plain statement before `unless` is "placed
        // incorrectly" (SPIN: "Label: { stmnt unless stmnt }"); on a block it is lifted.
        if (s.k === 'label' && !['block', 'atomic', 'dstep'].includes(s.s.k) && !labelsLoop(s)) this.err(`label '${s.name}' placed incorrectly: SPIN refuses a label on the statement before 'unless' (write ${s.name}: { ... unless ... })`, s.pos);
        // The label lifted off a d_step leaves the unless inside it, which SPIN refuses.
        if (s.k === 'label' && s.s.k === 'dstep') this.err(`'unless' inside d_step: SPIN moves the unless after '${s.name}: d_step { ... }' into the d_step, and refuses it there (write ${s.name}: { d_step { ... } unless { ... } })`, this.t);
        const pos = this.next();
        // spin.y's `stmnt UNLESS stmnt`: the escape may be any statement, `od unless (c)`;
        // do_unless makes a sequence of one of a statement that is not a { } block.
        s = { k: 'unless', main: [s], esc: this.is('{') ? this.block() : this.unlessEscape(), pos };
      }
      if (s) { out.push(s); if (this.locals !== null) this.seenStmt = true; }
      const last = this.toks[this.p - 1];
      needSep = !(last !== undefined && last.kind !== 'str' && (last.text === '}' || last.text === 'else')) && s?.k !== 'block';
    }
  }

  /** An unless escape that is one statement, not a { } block. */
  protected unlessEscape(): Stmt[] {
    const t = this.t;
    const s = this.stmt();
    if (s === null) this.err(`expected a statement after 'unless' but found ${this.show(t)}`, t);
    return [s];
  }

  protected stmt(): Stmt | null {
    const t = this.t;
    const pos: Pos = t;
    this.rejectUnsupported(t);
    if (t.kind === 'id') {
      // A proctype's name is no label (SPIN lexes it as PNAME): `P:n < 3` is a remote reference.
      if (this.peek().text === ':' && this.peek(2).text !== ':' && t.text !== 'mtype' && !this.procNames.has(t.text)) {
        // SPIN's labels share its symbol table: a reserved word, an mtype constant or a
        // variable in scope cannot be one ("bad label-name x").
        if (RESERVED.has(t.text)) this.err(`'${t.text}' is a reserved word and cannot be a label`, t);
        if (this.mtypeValue.has(t.text)) this.err(`bad label name '${t.text}': it is an mtype constant`, t);
        if (this.declOf(t.text) !== undefined) this.err(`bad label name '${t.text}': a variable of this name is in scope`, t);
        this.next(); this.next();
        // A label with no statement after it (`L: ;`, `L: }`, `L: od`) labels a skip of its
        // own, as spin.y's `NAME ':'` rule makes one (model label_alone).
        const alone = this.is(';') || this.is('->') || this.atSeqEnd();
        const s = (alone ? null : this.stmt()) ?? { k: 'expr' as const, e: { k: 'num' as const, v: 1, pos }, pos };
        const label: Stmt & { k: 'label' } = { k: 'label', name: t.text, s, pos };
        this.labelSites.push({ s: label, scope: this.scopePath });
        return label;
      }
      switch (t.text) {
        case 'if': case 'do': {
          this.next();
          const opts: Stmt[][] = [];
          while (this.is('::')) {
            this.next();
            this.openedSeq();
            this.enter();
            const body = this.seq();
            this.nest--;
            if (body.length === 0) this.err('empty option', this.t);
            opts.push(this.inClaim ? body : pruneSkips(body));
          }
          if (opts.length === 0) this.err(`expected '::' but found ${this.show(this.t)}`);
          // An else beside an option that starts with a send or receive is the plain else:
          // SPIN prints "dubious use of 'else' combined with i/o" but takes the error back
          // (flow.c, nr_errs--) and builds pan (model else_io).
          const close = this.t.line;
          this.expect(t.text === 'if' ? 'fi' : 'od');
          return { k: t.text, opts, pos, closeLine: close };
        }
        case 'atomic': case 'd_step': {
          this.next();
          const body = this.block(false, t.text === 'atomic' ? 'an atomic body' : 'a d_step body');
          return { k: t.text === 'atomic' ? 'atomic' : 'dstep', body, pos };
        }
        case 'select': case 'for':
          if (this.inTrace) this.traceLoop(t);
          return t.text === 'select' ? this.select() : this.forLoop();
        case 'break': this.next(); return { k: 'break', pos };
        case 'else': this.next(); return { k: 'else', pos };
        case 'skip': this.next(); return { k: 'expr', e: { k: 'num', v: 1, pos, text: 'skip' }, pos };
        case 'goto': {
          this.next();
          const g: Stmt & { k: 'goto' } = { k: 'goto', label: this.ident('a label').text, pos };
          this.gotoSites.push({ s: g, scope: this.scopePath });
          return g;
        }
        case 'assert': this.next(); return { k: 'assert', e: this.expr(), pos };
        case 'printf': {
          this.next(); this.expect('(');
          const f = this.t;
          if (f.kind !== 'str') this.err(`expected a format string but found ${this.show(f)}`);
          this.next();
          const args: Expr[] = [];
          while (this.is(',')) { this.next(); args.push(this.expr()); }
          this.expect(')', "',' or ')'");
          return { k: 'printf', fmt: f.text, args, pos };
        }
        // printm(e): prints e's mtype name, as printf("%e", e) does; no effect on the state.
        case 'printm': {
          this.next(); this.expect('(');
          const e = this.expr();
          this.expect(')');
          return { k: 'printf', fmt: '%e', args: [e], pos, printm: true };
        }
        case 'hidden': case 'local': case 'show':
          this.next(); return this.stmt();
        case 'xr': case 'xs':
          // Exclusive-use assertions only guide partial-order reduction, which is off.
          this.next();
          do { if (this.is(',')) this.next(); this.varref(); } while (this.is(','));
          return null;
      }
      if (this.isType(t) && !(t.text === 'mtype' && this.peek().kind !== 'id' && !(this.peek().text === ':' && this.peek(3).kind === 'id'))) {
        if (this.inTrace) return this.traceDecl(t);
        this.declIsStep = this.seenStmt || this.seqDepth !== 1;
        let decls: VarDecl[];
        try { decls = this.decl(); } finally { this.declIsStep = false; }
        if (this.locals === null || this.scopes === null) this.err('declaration outside a proctype', t);
        for (const d of decls) { this.notGlobal(d); d.name = this.scopes.declare(d.name, d.pos); }
        this.locals.push(...decls);
        // SPIN initialises the locals declared in a proctype's body before its first
        // statement when the process is created; a declaration after that, or inside a
        // block, an option or an inline, is a step of its own where it stands, assigning
        // its initial value (or 0).
        if (!this.seenStmt && this.seqDepth === 1) return null;
        // SPIN 6.5.2 refuses a list of two or more here; a list of one constant, `{c}`, is a
        // c_list that is that constant: it initialises every element when the process is
        // created, and its step sets element 0 (spin.y's ivar keeps sym->ini).
        const listed = decls.find((d) => d.initList && d.initList.length > 1);
        if (listed) this.err('cannot use an array list initializer here (only where the proctype starts, SPIN\'s rule; a list of one constant is taken)', listed.pos);
        const ch = decls.find((d) => d.chan);
        if (ch) this.err(`place initialized chan decl of '${ch.name}' at start of proctype`, ch.pos);
        // As pan (spin.y's ivar): one step per variable, `x = init` or `x = 0`; for an
        // array only its element 0 (`a[0] = 0`: the others keep their values); for a
        // structure a step that does nothing (listed `[]`). Each is on the line of the
        // token the parser had read past the variable (past the ';' after the last one).
        const steps: Stmt[] = decls.map((d, i) => {
          const at = this.declEnds[i]!;
          const pos: Pos = { ...(at.text === ';' ? this.toks[this.toks.indexOf(at) + 1] ?? at : at), col: d.pos.col };
          if (d.struct) return { k: 'expr', e: { k: 'num', v: 1, pos, text: '' }, pos };
          const rhs: Expr = d.initList?.[0] ?? d.init ?? { k: 'num', v: 0, pos };
          d.init = null;
          const index: Expr | null = d.len ? { k: 'num', v: 0, pos } : null;
          return { k: 'assign', lhs: { k: 'var', name: d.name, index, fields: [], pos: d.pos }, rhs, pos, declared: true };
        });
        return steps.length === 1 ? steps[0]! : { k: 'block', body: steps, pos, flat: true };
      }
      const inl = this.inlines.get(t.text);
      if (inl && this.peek().text === '(') return this.inlineCall(inl, null);
      if (t.text === 'return') {
        this.next();
        const target = this.returnTargets[this.returnTargets.length - 1];
        if (!target) this.err("'return' outside an inline called for a value (SPIN: \"return statement outside inline\"; write v = f(args))", t);
        return { k: 'assign', lhs: structuredClone(target), rhs: this.expr(), pos };
      }
    }
    if (this.is('{')) return { k: 'block', body: this.block(), pos };
    if (t.kind === 'id' && !['run', 'len', 'empty', 'full', 'nempty', 'nfull', 'timeout', 'true', 'false', '_pid', '_nr_pr', '_last', 'enabled', 'get_priority', 'set_priority'].includes(t.text)
      && !this.mtypes.includes(t.text)) {
      const save = this.p;
      const v = this.varref();
      if (this.is('=')) {
        this.next();
        // spin.y's `varref ASGN INAME (args) Stmnt`: an inline called for a value; each
        // `return e` in its body is `varref = e` (spinlex.c's return_statement).
        const called = this.t.kind === 'id' && this.peek().text === '(' ? this.inlines.get(this.t.text) : undefined;
        if (called) return this.inlineCall(called, v);
        return { k: 'assign', lhs: v, rhs: this.expr(), pos };
      }
      if (this.is('++') || this.is('--')) { const d = this.next().text === '++' ? 1 : -1; return { k: 'incr', lhs: v, d, pos }; }
      if (this.is('!') || this.is('!!')) {
        const sorted = this.next().text === '!!';
        return { k: 'send', ch: v, args: this.sendArgs(), pos, ...(sorted ? { sorted } : {}) };
      }
      if ((this.is('?') || this.is('??')) && this.peek().text !== '[') {
        const random = this.next().text === '??';
        if (this.is('<')) {
          this.next();
          const args = this.noVarTwice(this.recvArgs());
          this.expect('>', "'>'");
          return { k: 'recv', ch: v, args, poll: false, pos, keep: true, ...(random ? { random } : {}) };
        }
        return { k: 'recv', ch: v, args: this.noVarTwice(this.recvArgs()), poll: false, pos, ...(random ? { random } : {}) };
      }
      if (this.is('(') && !this.inlines.has(t.text)) this.err(`'${t.text}' is not an inline or macro`, t);
      this.p = save;
    }
    return { k: 'expr', e: this.expr(), pos };
  }

  /** A declaration in a trace body. At its top, before any statement, SPIN gives the
   * variables no storage and the trace no step (model trace_declarations); the checker
   * keeps them for the names of wildcard fields (event-trace.ts). Anywhere else SPIN makes
   * it a step `x = 0`, which pan runs as a move of the trace that matches any event and
   * writes through the record of the process that sent or received: refused. */
  protected traceDecl(t: Token): null {
    const word = this.inTrace!;
    if (this.seenStmt || this.seqDepth !== 1) {
      this.err(`a declaration after the first statement of a ${word} body is not supported: SPIN makes it a step, which pan runs as a move of the ${word} that matches any event and writes into the variables of the process that made the event`, t);
    }
    const decls = this.decl();
    for (const d of decls) {
      this.notGlobal(d);
      if (d.chan) this.err(`a channel created in a ${word} body is not supported: the ${word} is no process, pan creates no channel for it`, d.pos);
    }
    this.locals!.push(...decls);
    return null;
  }
}

/** Whether a labelled statement is a loop: a do, a for, or a select SPIN's parser builds.
 * SPIN places such a label on the loop's own element, not on the sequence's first (a for's
 * first is its start assignment), so close_seq and do_unless do not see it there
 * (KWLuna verification-4_copy.pml's `atomic{end:do :: ... od}`). */
function labelsLoop(s: Stmt): boolean {
  while (s.k === 'label') s = s.s;
  return s.k === 'do' || (s.k === 'block' && (s.forLoop === true || s.selectLoop === true));
}
