// Recursive-descent parser for the Promela subset the checker supports: the model's
// top-level units (proctypes, init, never claims, ltl blocks, trace and notrace, inline
// definitions, typedefs, mtypes, globals) and the entry points. The levels below it, one
// file each: parse-stmt (statements), parse-inline (inline expansion), parse-loops
// (select, for), parse-decl (declarations), parse-expr (expressions), parse-names (what a
// name is where the parser stands), parse-cursor (the token cursor; its header says why
// the parser is a class chain). Inline calls are expanded textually, as SPIN does.
import type { Pos } from '../errors.js';
import { insertImpliedSemis } from './implied-semis.js';
import { splitLabelledGotos } from './label-gotos.js';
import { BlockScopes } from './scopes.js';
import type { Token } from './lexer.js';
import { exprText } from './text.js';
import type { EventTraceDecl, Expr, LtlBlock, ProcType, Program, Stmt, VarDecl } from './ast.js';
import { parseLtl, ltlText } from '../ltl/parse.js';
import { ltlOperand } from './ltl-operands.js';
import { checkTraceBody } from './trace-body.js';
import { checkDepth } from './tree-depth.js';
import { PREC } from './parse-expr.js';
import { StmtParser } from './parse-stmt.js';

/** The words with which a model uses priorities (SPIN's lexer sets has_priority on each). */
const PRIORITY_WORDS = new Set(['priority', 'get_priority', 'set_priority', '_priority']);

/** Parses `never { ... }` text (a claim built from an ltl block) in the context of a
 * parsed program: its mtype names and proctypes are known there. */
export function parseClaim(tokens: Token[], prog: Program): ProcType {
  const p = new Parser(insertImpliedSemis(tokens));
  p.adopt(prog);
  return p.claimOnly();
}

/** Parses a stand-alone LTL formula (`gosched ltl`); atoms are Promela expressions. */
export function parseLtlFormula(tokens: Token[]): LtlBlock['formula'] {
  return new Parser(tokens).formulaOnly();
}

export function parse(tokens: Token[]): Program {
  const prog = new Parser(insertImpliedSemis(tokens)).program();
  checkDepth(prog);
  splitLabelledGotos(prog);
  return prog;
}

class Parser extends StmtParser {
  /** The trace or notrace parsed, if any (SPIN allows one). */
  protected trace: EventTraceDecl | null = null;
  protected usesPriority: boolean;

  constructor(toks: Token[]) {
    super(toks);
    this.usesPriority = toks.some((t) => t.kind === 'id' && PRIORITY_WORDS.has(t.text));
  }

  adopt(prog: Program): void {
    this.mtypes = [...prog.mtypes];
    this.mtypeValue = new Map(prog.mtypeValues);
    this.typedefs = prog.typedefs;
    this.procNames = new Set(prog.procs.map((p) => p.name));
  }

  claimOnly(): ProcType {
    const c = this.claimDef(0);
    if (this.t.kind !== 'eof') this.err(`expected the end of the claim but found ${this.show(this.t)}`);
    return c;
  }

  formulaOnly(): LtlBlock['formula'] {
    const f = this.ltlFormula();
    if (this.t.kind !== 'eof') this.err(`unexpected ${this.show(this.t)} after the LTL formula`);
    return f;
  }

  program(): Program {
    const globals: VarDecl[] = this.globalDecls;
    const procs: ProcType[] = [];
    const nevers: { name: string; claim: ProcType }[] = [];
    const ltl: LtlBlock[] = [];
    while (this.t.kind !== 'eof') {
      // spin.y's unit `semi`: between top-level units either separator may stand, ';' or
      // '->' (fuzz-malformed.mjs found `byte n->` refused here, taken by SPIN).
      if (this.is(';') || this.is('->')) { this.next(); continue; }
      this.rejectUnsupported(this.t);
      if (this.is('never')) {
        // spin.y's claim: SPIN compiles every never claim (pan -N NAME picks one, the first
        // by default); an unnamed one is never_N, N the claims before it; the name of the
        // claim just before cannot be used again ("claim NAME redefined").
        const named = this.peek().kind === 'id' ? this.peek().text : null;
        const name = named ?? `never_${nevers.length}`;
        if (nevers[nevers.length - 1]?.name === name) this.err(`claim ${name} redefined`);
        nevers.push({ name, claim: this.claimDef(procs.length) });
      } else if (this.is('ltl')) {
        const b = this.ltlDef(ltl.length);
        if (ltl.some((x) => x.name === b.name)) this.err(`ltl '${b.name}' is declared twice`, b.pos);
        ltl.push(b);
      } else if (this.is('trace') || this.is('notrace')) this.traceDef(procs.length);
      else if (this.is('inline')) this.inlineDef();
      else if (this.is('typedef')) this.typedefDef();
      else if (this.is('mtype') && (this.peek().text === '{' || this.peek().text === '='
        || (this.peek().text === ':' && ['{', '='].includes(this.peek(3).text)))) this.mtypeDef();
      else if (this.is('proctype') || this.is('active') || this.is('init')) procs.push(this.proctype(procs.length));
      else if (this.is('hidden') || this.is('local') || this.is('show') || this.isType(this.t)) globals.push(...this.decl());
      else this.err(`expected a declaration, proctype, init or inline but found ${this.show(this.t)}`);
    }
    if (procs.length === 0) this.err('the model has no proctype or init');
    // SPIN refuses a model that would start no process ("no runable process"): pan would
    // have nothing to explore, and a model whose `active` was forgotten is a mistake.
    if (!procs.some((p) => p.active > 0)) this.err('no runnable process: the model has no init and no active proctype (SPIN refuses it: "no runable process")', procs[0]!.pos);
    // A proctype and a global variable share SPIN's one symbol table: the later of the
    // two is SPIN's "redeclaration".
    for (const p of procs) {
      const g = globals.find((v) => v.name === p.name);
      if (g === undefined) continue;
      const later = g.pos.line > p.pos.line || (g.pos.line === p.pos.line && g.pos.col > p.pos.col) ? g.pos : p.pos;
      this.err(`redeclaration of '${p.name}': a global variable and a proctype have this name`, later);
    }
    // pan's HAS_PRIORITY: a `_priority` byte in every process, before its own variables.
    if (this.usesPriority) for (const p of procs) p.locals.unshift({ name: '_priority', type: 'byte', struct: null, len: 0, init: null, chan: null, pos: p.pos });
    const claim = nevers[0]?.claim ?? null;
    return { typedefs: this.typedefs, globals, procs, mtypes: this.mtypes, mtypeValues: this.mtypeValue, usesTimeout: this.usesTimeout, usesLast: this.usesLast, claim, ...(nevers.length > 0 ? { nevers } : {}), ltl, ...(this.trace ? { trace: this.trace } : {}), ...(this.usesPriority ? { usesPriority: true, claimsInPan: nevers.length + ltl.length } : {}) };
  }

  /** `never { ... }`: the claim, a process of its own that moves in lockstep with the system. */
  protected claimDef(order: number): ProcType {
    const pos: Pos = this.next();
    if (this.t.kind === 'id') this.next(); // SPIN names the claims it writes for ltl blocks
    this.locals = []; this.seenStmt = false;
    this.inClaim = true;
    const body = this.labelScoped(() => this.block(true));
    this.inClaim = false;
    const locals = this.locals; this.locals = null;
    if (locals.length > 0) this.err('declarations inside a never claim are not supported', locals[0]!.pos);
    return { name: ':never:', params: [], locals: [], body, active: 0, isInit: false, pos, order, isClaim: true };
  }

  /** `trace { ... }` / `notrace { ... }`: the event trace the system's channel operations
   * must follow (or must not complete); see trace-body.ts for what its body may hold. */
  protected traceDef(order: number): void {
    const at = this.next();
    const word = at.text === 'notrace' ? 'notrace' : 'trace';
    // spin.y: "trace %s redefined", an error; pan follows one event trace.
    if (this.trace) this.err(`a second trace or notrace (SPIN allows one per model: "trace redefined")`, at);
    this.locals = []; this.seenStmt = false;
    this.inTrace = word;
    let body: Stmt[];
    try { body = this.labelScoped(() => this.block(true)); } finally { this.inTrace = null; }
    const locals = this.locals;
    this.locals = null;
    checkTraceBody(body, word);
    this.trace = { negated: word === 'notrace', body, pos: at, order, locals };
  }

  /** `ltl [name] { formula }`; an unnamed one is called ltl_N as SPIN does. */
  protected ltlDef(n: number): LtlBlock {
    const pos: Pos = this.next();
    const name = this.t.kind === 'id' ? this.next().text : `ltl_${n}`;
    this.expect('{');
    this.inLtl = true;
    let formula: LtlBlock['formula'];
    try { formula = this.ltlFormula(); } finally { this.inLtl = false; }
    // spin.y's ltl_body is `'{' full_expr OS '}'`: one `;` may end the formula.
    if (this.is(';')) this.next();
    this.expect('}', "'}' after the LTL formula");
    return { name, formula, text: ltlText(formula, exprText), pos };
  }

  protected ltlFormula(): LtlBlock['formula'] {
    return parseLtl<Expr>({
      peek: (k = 0) => { const t = this.peek(k); return t.kind === 'eof' || t.kind === 'str' ? null : t.text; },
      next: () => { this.next(); },
      // An atom binds tighter than && and ||, which are LTL's here (SPIN's grammar):
      // operators from | (level 2) up.
      atom: () => { this.enter(); const e = this.climb(2); this.nest--; return e; },
      tight: () => { this.enter(); const e = this.unary(); this.nest--; return e; },
      binaryFollows: () => this.t.kind === 'op' && (PREC.get(this.t.text) ?? 0) >= 2 && !this.ltlArrowAhead(),
      extend: (left) => { this.enter(); const e = this.climb(2, ltlOperand(left, this.t)); this.nest--; return e; },
      fail: (m) => this.err(m),
    });
  }

  protected inlineDef(): void {
    const at = this.next();
    const name = this.newName('an inline name');
    this.expect('(');
    const params: string[] = [];
    while (!this.is(')')) {
      params.push(this.newName('a parameter name').text);
      if (!this.is(')')) this.expect(',', "',' or ')'");
    }
    this.next();
    this.expect('{');
    const start = this.p;
    let depth = 1;
    while (depth > 0) {
      const t = this.next();
      if (t.kind === 'eof') this.err(`inline '${name.text}' is not closed`, at);
      if (t.text === '{') depth++;
      else if (t.text === '}') depth--;
    }
    this.inlines.set(name.text, { params, body: this.toks.slice(start, this.p - 1), pos: at });
  }

  protected proctype(order: number): ProcType {
    const pos: Pos = this.t;
    let active = 0;
    if (this.is('init')) {
      this.next();
      // spin.y's `INIT Opt_priority body`: init starts at that priority, as an active proctype.
      const priority = this.is('priority') ? this.priorityValue() : undefined;
      this.locals = []; this.seenStmt = false; this.scopes = new BlockScopes();
      const body = this.labelScoped(() => this.block(true));
      const locals = this.locals; this.locals = null; this.scopes = null;
      return { name: ':init:', params: [], locals, body, active: 1, isInit: true, pos, order, ...(priority !== undefined ? { priority } : {}) };
    }
    if (this.is('active')) {
      this.next(); active = 1;
      if (this.is('[')) {
        this.next();
        const n = this.t;
        active = this.constant('a number of copies');
        if (active > 255) this.err(`max nr of processes is 255 (active [${active}])`, n);
        this.expect(']');
      }
    }
    this.expect('proctype');
    const name = this.newName('a proctype name').text;
    this.expect('(');
    const params: VarDecl[] = [];
    while (!this.is(')')) {
      params.push(...this.decl(true));
      // spin.y's decl_lst: declarations separated by ';', none after the last; within one,
      // names separated by ',' (decl has taken those): a type after ',' is a syntax error.
      if (this.is(',')) this.err(`expected a parameter name after ',' but found ${this.show(this.peek())} (parameters of another type follow a ';': int x; int y)`, this.peek());
      if (this.is(';')) {
        this.next();
        if (this.is(')')) this.err("expected a parameter declaration after ';' but found ')'");
      } else if (!this.is(')')) this.err(`expected ';' or ')' but found ${this.show(this.t)}`);
    }
    this.next();
    const priority = this.is('priority') ? this.priorityValue() : undefined;
    let provided: Expr | null = null;
    if (this.is('provided')) { this.next(); this.expect('('); provided = this.expr(); this.expect(')'); }
    this.rejectUnsupported(this.t);
    this.locals = []; this.seenStmt = false; this.params = params;
    this.scopes = new BlockScopes();
    params.forEach((d) => this.notGlobal(d));
    this.scopes.enter(params.map((d) => d.name));
    const body = this.labelScoped(() => this.block(true));
    const locals = this.locals; this.locals = null; this.params = null; this.scopes = null;
    return { name, params, locals, body, active, isInit: false, pos, order, provided, ...(priority !== undefined ? { priority } : {}) };
  }
}
