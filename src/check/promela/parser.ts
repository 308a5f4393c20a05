// Recursive-descent parser for the Promela subset the checker supports. Inline calls are
// expanded here, textually like SPIN: the body's tokens with parameters replaced by the
// argument tokens, parsed in place.
import { ModelError, type Pos } from '../errors.js';
import { forInChannel, forRange } from './for-loops.js';
import { splitLabelledGotos } from './label-gotos.js';
import { insertImpliedSemis } from './implied-semis.js';
import { RESERVED } from './reserved.js';
import { BlockScopes } from './scopes.js';
import type { Token } from './lexer.js';
import { exprText } from './text.js';
import type { BaseType, ChanType, EventTraceDecl, Expr, LtlBlock, ProcType, Program, RecvArg, Stmt, VarDecl, VarRef } from './ast.js';
import { parseLtl, ltlText } from '../ltl/parse.js';
import { ltlOperand } from './ltl-operands.js';
import { resolveLabelScopes, type GotoSite, type LabelSite } from './label-scopes.js';
import { pruneSkips } from './redundant-skips.js';
import { checkTraceBody } from './trace-body.js';

const BASE_TYPES = new Set(['bit', 'bool', 'byte', 'short', 'int', 'pid', 'mtype', 'chan']);
const UNSUPPORTED = new Set([
  'c_code', 'c_expr', 'c_decl', 'c_state', 'c_track',
]);
/** The words with which a model uses priorities (SPIN's lexer sets has_priority on each). */
const PRIORITY_WORDS = new Set(['priority', 'get_priority', 'set_priority', '_priority']);
const SEQ_END = new Set(['}', 'od', 'fi', '::', 'end of file']);

interface Inline { params: string[]; body: Token[]; pos: Pos }

/** Deepest nesting the parser accepts. Every later stage (flow, codegen, listings, V8
 * compiling the generated code) recurses along the syntax tree, so the tree's depth is
 * bounded too (MAX_TREE_DEPTH, checked without recursion once the model is parsed). */
const MAX_NEST = 250;
const MAX_TREE_DEPTH = 600;

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

/** Refuses a syntax tree deeper than MAX_TREE_DEPTH (a 5,000-term sum is 5,000 deep),
 * walking it with an explicit stack. */
function checkDepth(prog: Program): void {
  const stack: [unknown, number][] = [];
  for (const p of prog.procs) stack.push([p.body, 0], [p.provided ?? null, 0], [[...p.params, ...p.locals].map((d) => d.init), 0]);
  stack.push([prog.globals.map((d) => d.init), 0]);
  while (stack.length) {
    const [node, d] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) { for (const x of node) stack.push([x, d]); continue; }
    const o = node as Record<string, unknown>;
    const depth = typeof o.k === 'string' ? d + 1 : d;
    if (depth > MAX_TREE_DEPTH) {
      throw new ModelError(`expression or statement nested more than ${MAX_TREE_DEPTH} deep (split it up)`, (o.pos as Pos | undefined) ?? null);
    }
    for (const [key, v] of Object.entries(o)) if (key !== 'pos' && v !== null && typeof v === 'object') stack.push([v, depth]);
  }
}

class Parser {
  private p = 0;
  private inlines = new Map<string, Inline>();
  private inlineDepth = 0;
  /** For each inline expansion under way, innermost last: the variable its `return e`
   * assigns (the call was `v = f(args)`), or null for a plain call. */
  private returnTargets: (VarRef | null)[] = [];
  /** SPIN's block scope where the parser stands (a path of `{` and inline expansions), the
   * number of scopes opened, and the current proctype's labels and gotos with theirs
   * (label-scopes.ts). */
  private scopePath = '_';
  /** Parsing the never claim, whose options SPIN leaves as written (redundant-skips.ts). */
  private inClaim = false;
  /** Parsing a trace or notrace body (trace-body.ts), and the one parsed, if any. */
  private inTrace: 'trace' | 'notrace' | null = null;
  private trace: EventTraceDecl | null = null;
  private scopesOpened = 0;
  private labelSites: LabelSite[] = [];
  private gotoSites: GotoSite[] = [];
  /** Nesting of parentheses, operators, blocks and options being parsed (see enter). */
  private nest = 0;
  private mtypes: string[] = [];
  /** SPIN numbers each mtype declaration's names from the last one up, after earlier ones. */
  private mtypeValue = new Map<string, number>();
  private usesTimeout = false;
  private usesLast = false;
  /** Values of the named mtype sets (`mtype:name = {...}`), each numbered on its own. */
  private mtypeSubsets = new Map<string, number>();
  private typedefs = new Map<string, VarDecl[]>();
  private isType(t: Token): boolean { return t.kind === 'id' && (BASE_TYPES.has(t.text) || t.text === 'unsigned' || this.typedefs.has(t.text)); }
  /** Locals of the proctype being parsed; declarations anywhere in its body land here. */
  private locals: VarDecl[] | null = null;
  /** Whether the proctype being parsed has had a statement yet (see declarations). */
  private seenStmt = false;
  /** Parameters of the proctype being parsed, and the globals declared so far (for `for (x in ...)`). */
  private params: VarDecl[] | null = null;
  private globalDecls: VarDecl[] = [];
  /** The block scopes of the proctype being parsed (null outside one, and in a claim). */
  private scopes: BlockScopes | null = null;
  /** Sequences open in the proctype being parsed: its body is 1, a block or option in it
   * more (SPIN's initialization_ok holds only in the body, before its first statement). */
  private seqDepth = 0;
  /** A typedef's fields declared so far, while its body is parsed (see boundByName). */
  private typedefFields: VarDecl[] | null = null;
  /** Whether the declaration being parsed is a step of its own (see stmt), and the
   * scalars whose initial value so became a step. */
  private declIsStep = false;
  private initIsStep = new WeakSet<VarDecl>();
  /** The token after each variable of the last declaration parsed (see stmt's steps). */
  private declEnds: Token[] = [];

  /** Proctype names, collected before parsing so remote references (`P[0]@cs`) in an
   * ltl block or claim that comes before the proctype are recognised. */
  private procNames: Set<string>;

  /** Where each proctype's name is first declared (its token's index): from there on
   * SPIN's lexer reads the name as a process name (PNAME), so a variable declared with it
   * later is its syntax error "saw 'process name'" (see lexedAs). */
  private procDeclaredAt = new Map<string, number>();
  /** Where SPIN's lexer stands while an inline's body is parsed: the call (the outermost,
   * for nested calls), since SPIN reads the body's text there, not where it is defined. */
  private callSite: number | null = null;
  /** Parsing an ltl block, which SPIN reads once the whole model is (every proctype
   * declared by then). */
  private inLtl = false;

  constructor(private toks: Token[]) {
    toks.forEach((t, i) => {
      if (i > 0 && toks[i - 1]!.text === 'proctype' && t.kind === 'id' && !this.procDeclaredAt.has(t.text)) this.procDeclaredAt.set(t.text, i);
    });
    this.procNames = new Set(this.procDeclaredAt.keys());
    this.usesPriority = toks.some((t) => t.kind === 'id' && PRIORITY_WORDS.has(t.text));
  }

  private usesPriority: boolean;
  /** Parsing a send's first argument (see sendArgs). */
  private sendHead = false;

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

  private get t(): Token { return this.toks[this.p]!; }
  private peek(k = 1): Token { return this.toks[Math.min(this.p + k, this.toks.length - 1)]!; }
  private is(text: string): boolean { return this.t.text === text && this.t.kind !== 'str'; }
  private next(): Token { const t = this.t; if (t.kind !== 'eof') this.p++; return t; }
  private show(t: Token): string { return t.kind === 'eof' ? 'end of file' : `'${t.text}'`; }
  private err(msg: string, t: Pos = this.t): never { throw new ModelError(msg, t); }
  private expect(text: string, what = `'${text}'`): Token {
    if (!this.is(text)) this.err(`expected ${what} but found ${this.show(this.t)}`);
    return this.next();
  }
  private ident(what = 'a name'): Token {
    if (this.t.kind !== 'id') this.err(`expected ${what} but found ${this.show(this.t)}`);
    this.rejectUnsupported(this.t);
    return this.next();
  }
  /** What SPIN's lexer reads a name as where the parser stands, when not a plain NAME
   * (spinlex.c's check_name, in its order: an mtype name is a CONST, then a typedef's
   * name UNAME, a declared proctype's PNAME, a defined inline's INAME), worded as
   * spin.y's syntax error prints the token; null for a plain name. spin.y takes only a
   * NAME as a variable being declared and as a structure field (pfld), so each of these
   * is its syntax error there. */
  private lexedAs(name: string): string | null {
    if (this.mtypeValue.has(name)) return 'a constant';
    if (this.typedefs.has(name)) return 'a typename';
    const at = this.inLtl ? Infinity : this.callSite ?? this.p - 1;
    if ((this.procDeclaredAt.get(name) ?? Infinity) < at) return 'process name';
    if (this.inlines.has(name)) return 'inline name';
    return null;
  }
  /** Refuses a name just read (t) that SPIN's lexer does not read as a plain name. */
  private plainName(t: Token, what: string): void {
    const kind = this.lexedAs(t.text);
    if (kind === null) return;
    const why = kind === 'process name' ? 'a proctype declared above; SPIN\'s lexer reads the name as that process from there on'
      : kind === 'a constant' ? 'an mtype name declared above' : kind === 'a typename' ? 'a typedef declared above' : 'an inline defined above';
    this.err(`syntax error: saw '${kind}' '${t.text}' (${what} named like ${why})`, t);
  }
  /** A name being declared: SPIN's reserved words cannot be one. */
  private newName(what: string): Token {
    const t = this.ident(what);
    if (RESERVED.has(t.text)) this.err(`'${t.text}' is a reserved word and cannot be ${what}`, t);
    return t;
  }
  /** At a token that closes a sequence (`}`, `od`, `fi`, `::`, the end). */
  private atSeqEnd(): boolean {
    return SEQ_END.has(this.t.kind === 'eof' ? 'end of file' : this.t.text) && this.t.kind !== 'str';
  }
  private rejectUnsupported(t: Token): void {
    if (t.kind === 'id' && UNSUPPORTED.has(t.text)) this.err(`'${t.text}' is not supported`, t);
    if (t.kind === 'id' && t.text === 'priority') this.err("'priority' belongs after a proctype's parameters or a run's arguments (proctype P() priority N, run P() priority N)", t);
  }

  program(): Program {
    const globals: VarDecl[] = this.globalDecls;
    const procs: ProcType[] = [];
    const nevers: { name: string; claim: ProcType }[] = [];
    const ltl: LtlBlock[] = [];
    while (this.t.kind !== 'eof') {
      if (this.is(';')) { this.next(); continue; }
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
  private claimDef(order: number): ProcType {
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
  private traceDef(order: number): void {
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
  private ltlDef(n: number): LtlBlock {
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

  private ltlFormula(): LtlBlock['formula'] {
    return parseLtl<Expr>({
      peek: (k = 0) => { const t = this.peek(k); return t.kind === 'eof' || t.kind === 'str' ? null : t.text; },
      next: () => { this.next(); },
      // An atom binds tighter than && and ||, which are LTL's here (SPIN's grammar):
      // operators from | (level 2) up.
      atom: () => { this.enter(); const e = this.climb(2); this.nest--; return e; },
      tight: () => { this.enter(); const e = this.unary(); this.nest--; return e; },
      binaryFollows: () => this.t.kind === 'op' && (Parser.PREC.get(this.t.text) ?? 0) >= 2 && !this.ltlArrowAhead(),
      extend: (left) => { this.enter(); const e = this.climb(2, ltlOperand(left, this.t)); this.nest--; return e; },
      fail: (m) => this.err(m),
    });
  }

  private mtypeDef(): void {
    this.next();
    // `mtype:name = {...}` numbers its names from 1 on its own, as SPIN 6.5 does.
    let subset: string | null = null;
    if (this.is(':')) { this.next(); subset = this.ident('an mtype set name').text; }
    if (this.is('=')) this.next();
    this.expect('{');
    const names: string[] = [];
    // SPIN's nlst: a name, then names and commas in any order ("commas optional"), so a
    // trailing comma or a missing one is accepted; the list cannot start with a comma.
    for (let first = true; first || !this.is('}'); first = false) {
      while (!first && this.is(',')) this.next();
      if (!first && this.is('}')) break;
      const id = this.newName('an mtype name');
      // SPIN: a name twice in one list is its error; one declared by an earlier mtype is
      // already a constant to its lexer, a syntax error in a list of names.
      if (names.includes(id.text)) this.err(`name ${id.text} appears twice in mtype declaration`, id);
      if (this.mtypeValue.has(id.text)) this.err(`syntax error: saw 'a constant' near '${id.text}' (already an mtype name)`, id);
      if (this.mtypes.length + names.length >= 255) this.err('too many mtype names (255 at most)', id);
      names.push(id.text);
    }
    this.expect('}');
    if (subset !== null) {
      const before = this.mtypeSubsets.get(subset) ?? 0;
      names.forEach((n, i) => this.mtypeValue.set(n, before + names.length - i));
      this.mtypeSubsets.set(subset, before + names.length);
      this.mtypes.push(...names);
      return;
    }
    const plain = this.mtypes.length - [...this.mtypeSubsets.values()].reduce((a, b) => a + b, 0);
    names.forEach((n, i) => this.mtypeValue.set(n, plain + names.length - i));
    this.mtypes.push(...names);
  }

  /** `typedef Name { decl; ... }`: a structure, laid out field after field. */
  private typedefDef(): void {
    this.next();
    const name = this.newName('a typedef name');
    if (this.typedefs.has(name.text) || BASE_TYPES.has(name.text)) this.err(`type '${name.text}' is declared twice`, name);
    this.expect('{');
    const fields: VarDecl[] = [];
    this.typedefFields = fields;
    for (;;) {
      while (this.is(';')) this.next();
      if (this.is('}')) break;
      for (const f of this.decl()) {
        // A chan field holds a channel's number (0 until assigned), as a chan variable
        // does; one with a channel type makes a channel per instance (layout's startupChans).
        if (fields.some((g) => g.name === f.name)) this.err(`field '${f.name}' is declared twice`, f.pos);
        fields.push(f);
      }
    }
    this.next();
    this.typedefFields = null;
    if (fields.length === 0) this.err(`typedef '${name.text}' has no fields`, name);
    this.typedefs.set(name.text, fields);
  }

  private inlineDef(): void {
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

  private proctype(order: number): ProcType {
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

  /** A proctype's (or claim's) body, with its labels resolved by block scope. */
  private labelScoped(body: () => Stmt[]): Stmt[] {
    this.labelSites = []; this.gotoSites = [];
    const stmts = body();
    resolveLabelScopes(this.labelSites, this.gotoSites);
    return stmts;
  }

  /** SPIN's lookup finds a global declared above before a new local of its name: a
   * local or parameter may not share a name with one ("redeclaration"). */
  private notGlobal(d: VarDecl): void {
    if (this.globalDecls.some((g) => g.name === d.name)) this.err(`redeclaration of '${d.name}' (a global of that name is declared above)`, d.pos);
  }

  /** `{ sequence }`; `what` it is the body of (null for a for loop's, which SPIN's grammar
   * reads as part of the for). */
  private block(top = false, what: string | null = 'a { } block'): Stmt[] {
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
  private labelNotFirst(body: Stmt[], what: string): void {
    const first = body[0];
    if (first?.k === 'label' && !labelsLoop(first)) this.err(`label '${first.name}' placed incorrectly: SPIN refuses a label on the first statement of ${what} (put it before the ${what === 'an inline body' ? 'call' : 'block'})`, first.pos);
  }

  /** SPIN (spin.y, flow.c's open_seq) initialises locals at process creation only while
   * no statement has been read and no nested sequence (option, atomic, d_step, { }, inline
   * call) opened: `init { atomic { byte i = 0; ... } }` makes `i = 0` a step of the atomic. */
  private openedSeq(): void {
    if (this.locals !== null) this.seenStmt = true;
  }

  /** Statements up to a closing token. Between two statements SPIN's grammar wants a
   * separator (`;` or `->`); its lexer supplies one at a line's end (implied-semis.ts)
   * and after a `}` or an `else`, and an inline call ends in its body's `}`. Anything
   * else, `x = 1 x = 2` or `c!1 c?x` on one line, is SPIN's syntax error, and refused
   * here too: taken as two statements, a mistyped model would be checked as another. */
  private seq(): Stmt[] {
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
  private unlessEscape(): Stmt[] {
    const t = this.t;
    const s = this.stmt();
    if (s === null) this.err(`expected a statement after 'unless' but found ${this.show(t)}`, t);
    return [s];
  }

  private stmt(): Stmt | null {
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
  private traceDecl(t: Token): null {
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

  /** Whether SPIN's lexer writes out the select whose `(` is the current token. */
  private selectWrittenOut(): boolean {
    const tok = (k: number) => this.peek(k);
    return this.inlineDepth === 0 && tok(0).text === '(' && tok(1).kind === 'id' && /^[A-Za-z0-9]+$/.test(tok(1).text)
      && tok(2).text === ':' && tok(3).kind === 'num' && /^\d+$/.test(tok(3).text) && tok(4).text === '.' && tok(5).text === '.'
      && tok(6).kind === 'num' && /^\d+$/.test(tok(6).text) && tok(7).text === ')';
  }

  /** `for` or `select` in a trace body (t the keyword), refused. A select SPIN's lexer
   * writes out is an if of assignments, "not an event" to SPIN. Any other becomes steps
   * of a counter (assignments, a bound test) that pan runs as moves of the trace, each
   * matching any event (models tried: pan reports non-determinism at the first event). */
  private traceLoop(t: Token): never {
    const word = this.inTrace!;
    this.next();
    if (t.text === 'select' && this.selectWrittenOut()) {
      this.err(`not an event: select (${this.peek().text} : ${this.peek(3).text} .. ${this.peek(6).text}) in a ${word} body (SPIN's lexer writes it out as an if of assignments; SPIN takes only sends, receives, if, do, goto, break and labels there)`, t);
    }
    this.err(`'${t.text}' in a ${word} body is not supported: SPIN makes its counter's steps (assignments, the bound test) moves of the ${word}, which pan takes on any event`, t);
  }

  /** `select (v : lo .. hi)`, expanded as SPIN 6.5.2 does: a constant range of at most 33
   * values becomes an if with one assignment per value; any other a counting loop. */
  private select(): Stmt {
    const pos = this.next();
    // SPIN's lexer writes out `select ( name : digits .. digits )` itself, as text: an if
    // of the assignments (32 values at most) or a counting loop. That takes a name of
    // letters and digits only, two decimal numbers, and a select not in an inline body.
    // Any other select (a bound such as (N-1), a name with _) is built by the parser
    // (flow.c's sel_index) as a loop whose break comes first.
    const literal = this.selectWrittenOut();
    this.expect('(');
    const v = this.varref();
    this.expect(':');
    const lo = this.expr();
    this.expect('.'); this.expect('.', "'..'");
    const hi = this.expr();
    this.expect(')');
    const a = literal ? constValue(lo) : null, b = literal ? constValue(hi) : null;
    if (a !== null && b !== null && b < a) this.err('bad range in select statement', pos);
    const assign = (e: Expr): Stmt => ({ k: 'assign', lhs: v, rhs: e, pos });
    if (a !== null && b !== null && b - a <= 32) {
      return { k: 'if', opts: Array.from({ length: b - a + 1 }, (_, i) => [assign({ k: 'num', v: a + i, pos })]), pos };
    }
    const step: Stmt[] = [
      { k: 'expr', e: { k: 'bin', op: '<', a: v, b: hi, pos }, pos },
      assign({ k: 'bin', op: '+', a: v, b: { k: 'num', v: 1, pos }, pos }),
    ];
    const brk: Stmt[] = [{ k: 'break', pos }];
    // SPIN lists the counting option first in the loop its lexer writes, the break first in sel_index's.
    return { k: 'block', body: [assign(lo), { k: 'do', opts: b !== null ? [step, brk] : [brk, step], pos }], pos, flat: true, ...(b === null ? { selectLoop: true } : {}) };
  }

  /** `for (v : lo .. hi) { body }`, `for (v in array) { body }`, `for (m in channel) { body }`
   * (see for-loops.ts), with SPIN's checks on the index and the array or channel. */
  private forLoop(): Stmt {
    const pos = this.next();
    this.expect('(');
    const v = this.varref(true, true); // SPIN's in_for: the for's own checks name a whole array here
    if (this.is('in')) {
      this.next();
      const target = this.varref(true, true);
      this.expect(')');
      const body = this.block(false, null), end = this.toks[this.p - 1]!;
      const vd = this.declOf(v.name), td = this.declOf(target.name);
      if (!vd) this.err(`undeclared variable '${v.name}'`, v.pos);
      if (!td) this.err(`undeclared variable '${target.name}'`, target.pos);
      if (vd.struct && v.fields.length === 0) {
        if (vd.type !== 'struct' || td.type !== 'chan' || target.fields.length > 0) this.err(`for ( ${v.name} in .channel_name ) { ... }`, target.pos);
        if (!td.chan || td.chan.cap <= 0 || !td.chan.msgStruct) this.err(`bad channel type ${target.name} in for`, target.pos);
        if (td.chan.msgStruct !== vd.struct) this.err(`type of ${v.name} does not match chan`, v.pos);
        return forInChannel(v, target, this.forCounter(pos), body, pos, end);
      }
      this.forIndexCheck(v, vd);
      const len = this.arrayLength(target, td);
      if (len <= 0) this.err(`bad arrayname ${target.fields.length ? target.fields[target.fields.length - 1]!.name : target.name}`, target.pos);
      return forRange(v, { k: 'num', v: 0, pos }, { k: 'num', v: len - 1, pos }, body, pos, end);
    }
    this.expect(':');
    const lo = this.expr();
    this.expect('.'); this.expect('.', "'..'");
    const hi = this.expr();
    this.expect(')');
    const body = this.block(false, null);
    return forRange(v, lo, hi, body, pos, this.toks[this.p - 1]!);
  }

  /** SPIN's valid_name: a for loop's index is a plain variable, not a channel, structure or array. */
  private forIndexCheck(v: VarRef, d: VarDecl): void {
    if (d.type === 'chan' || d.struct || d.len > 0 || v.index || v.fields.length) this.err(`bad index in for-construct ${v.name}`, v.pos);
  }

  /** The length of the array a for loop runs over (the last field of a structure path), 0 if no array. */
  private arrayLength(t: VarRef, d: VarDecl): number {
    let cur: VarDecl | undefined = d;
    for (const f of t.fields) {
      cur = cur?.struct ? this.typedefs.get(cur.struct)?.find((x) => x.name === f.name) : undefined;
      if (!cur) this.err(`no field '${f.name}' in '${t.name}'`, f.pos);
    }
    return cur.len;
  }

  /** The byte local SPIN adds as the counter of `for (m in channel)`: `_f0r_t3mp` and the
   * block scope (SPIN's CurScope: the count of each '{' level so far), one per scope. */
  private forCounter(pos: Pos): VarRef {
    const seq: number[] = [];
    let level = 0;
    for (let i = 0; i < this.p; i++) {
      const x = this.toks[i]!;
      if (x.kind === 'str') continue;
      // As SPIN's lexer: a level's count is not reset when a block closes.
      if (x.text === '{') { seq[level] = (seq[level] ?? 0) + 1; level++; }
      else if (x.text === '}' && level > 0) level--;
    }
    // Called once the loop's body is read: the level is the one around the for.
    const name = `_f0r_t3mp_${seq.slice(0, level).map((n) => `${n}_`).join('')}`;
    if (this.locals && !this.locals.some((d) => d.name === name)) {
      this.locals.push({ name, type: 'byte', struct: null, len: 0, init: null, chan: null, pos });
    }
    return { k: 'var', name, index: null, fields: [], pos };
  }

  /** A variable by name as seen where the parser stands: local, parameter, then global. */
  private declOf(name: string): VarDecl | undefined {
    return this.locals?.find((d) => d.name === name) ?? this.params?.find((d) => d.name === name) ?? this.globalDecls.find((d) => d.name === name);
  }

  private inlineCall(inl: Inline, returnTo: VarRef | null): Stmt {
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
  private wholeArrayArgs(args: Token[][]): void {
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

  /** pan's code for a receive saves each variable it writes, to undo the step: one plain
   * variable in two fields (`c?x,x`) is refused as pangen2.c refuses it ("cannot use var
   * in multiple msg fields"); arrays, structures and `_` are not checked there either. */
  private noVarTwice(args: RecvArg[]): RecvArg[] {
    args.forEach((a, i) => {
      if (a.k !== 'store' || a.v.index !== null || a.v.fields.length > 0 || a.v.name === '_') return;
      const d = this.declOf(a.v.name);
      if (d === undefined || d.len > 0 || d.struct) return;
      if (args.slice(i + 1).some((b) => b.k === 'store' && b.v.name === a.v.name)) this.err(`cannot use var ('${a.v.name}') in multiple msg fields`, a.v.pos);
    });
    return args;
  }

  /** spin.y's margs: `c!e(a, b)` is `c!e, a, b`. Its first argument is an expression that
   * a parenthesised list may follow, so a name there followed by `(` is that name, not a
   * call (glycerine deadlock.giop.prm's `out!msgType(dst, msg)` with `mtype msgType`). */
  private sendArgs(): Expr[] {
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

  private recvArgs(): RecvArg[] {
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

  /** `proc[pid]@label` (process pid is at that label) or `proc[pid]:var` (its local);
   * without `[pid]`, SPIN's f_pid: the first running process of that proctype. */
  private remoteRef(): Expr {
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
  private varref(scoped = true, wholeArray = false, remote: string | null = null): VarRef {
    const id = this.ident('a variable');
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

  /** Declarations: `type name[N] = init, ...`. Channels: `chan c = [N] of { t, ... }`. */
  private decl(param = false): VarDecl[] {
    this.declEnds = [];
    let hidden = false;
    while (this.is('hidden') || this.is('local') || this.is('show')) hidden = this.next().text === 'hidden' || hidden;
    const tt = this.ident('a type');
    if (!this.isType(tt)) this.err(`unknown type '${tt.text}'`, tt);
    const struct = this.typedefs.has(tt.text) ? tt.text : null;
    const unsigned = tt.text === 'unsigned';
    let type: BaseType | 'struct' = struct ? 'struct' : tt.text as BaseType;
    if (type === 'mtype' && this.is(':')) { this.next(); this.ident('an mtype set name'); }
    const out: VarDecl[] = [];
    for (;;) {
      const id = this.newName('a variable name');
      this.plainName(id, this.typedefFields !== null ? 'a field' : 'a variable');
      let len = 0, bits = 0;
      // `unsigned name : width`: 0 .. 2^width - 1, an assignment keeps the low width bits
      // (pan's C bit-field). Kept in the smallest basic type that holds it unsigned.
      if (unsigned) {
        if (!this.is(':')) this.err(`unsigned '${id.text}' needs a width: unsigned ${id.text} : bits`);
        this.next();
        const w = this.t;
        bits = this.constant('a width in bits');
        if (bits < 1 || bits > 31) this.err(`unsigned width must be 1 to 31 bits here, got ${bits}`, w);
        type = bits <= 8 ? 'byte' : bits <= 15 ? 'short' : 'int';
      }
      if (this.is('[')) {
        this.next();
        const n = this.t;
        const named = n.kind === 'id' && this.peek().text === ']' && !this.mtypeValue.has(n.text) && !['true', 'false', 'skip'].includes(n.text);
        len = named ? this.boundByName(this.next(), out) : this.constant('an array size');
        if (len < 1) this.err(`array size must be at least 1, got ${len}`, n);
        this.expect(']');
      }
      let init: Expr | null = null, chan: ChanType | null = null, initList: Expr[] | null = null;
      if (this.is('=') && !param) {
        this.next();
        if (type === 'chan') chan = this.chanType();
        // pan initialises a structure field by field from its typedef (walk_struct) and
        // drops an initialiser written on the variable: `T t = 7` is `T t`.
        else if (struct) this.expr();
        else if (this.is('{')) initList = this.initList(id, len);
        else init = this.expr();
      }
      this.declEnds.push(this.t);
      const d: VarDecl = { name: id.text, type, struct, len, init, chan, pos: id, ...(initList ? { initList } : {}), ...(hidden ? { hidden } : {}), ...(bits ? { bits } : {}) };
      // spin.y's ivar: a scalar's initial value that becomes a step (see stmt) is no
      // longer the symbol's (sym->ini = 0), which boundByName reads.
      if (this.declIsStep && init !== null && len === 0) this.initIsStep.add(d);
      out.push(d);
      if (this.is(',') && !param) { this.next(); continue; }
      // Parameters share a type until the next ';': `proctype node(chan in, out; byte id)`.
      if (param && this.is(',') && this.peek().kind === 'id' && !this.isType(this.peek())) { this.next(); continue; }
      return out;
    }
  }

  /** spin.y's `NAME '[' NAME ']'`, an array whose size is a variable's name (alanprawira
   * monkey.pml's `byte target[TARGET_LEN]` with `byte TARGET_LEN = 13`): SPIN takes the
   * variable's initial value at that point when it is a constant above 0, and else 8
   * (6.5.2's "evaluated as 8 by default (to avoid zero)"; a channel's initialiser counts
   * as its capacity). Where the name has no initial value on record (undeclared, declared
   * further on, outside the typedef being declared, or a local whose initial value became
   * a step), SPIN 6.5.2 crashes (segmentation fault, no pan.c): refused. `out`: the
   * variables declared before it in the same declaration. */
  private boundByName(t: Token, out: VarDecl[]): number {
    const mine = out.find((d) => d.name === t.text);
    const d = this.typedefFields !== null ? mine ?? this.typedefFields.find((f) => f.name === t.text)
      : mine ?? this.declOf(this.scopes ? this.scopes.resolve(t.text, t) : t.text);
    if (d === undefined || this.initIsStep.has(d)) {
      const why = d === undefined ? (this.typedefFields !== null ? 'no field of this typedef declared before it' : 'no variable declared before it')
        : 'a local whose initial value is a step (declared after the first statement or in a block)';
      this.err(`array size '${t.text}' names ${why}: SPIN 6.5.2 crashes on it (use a constant or a #define)`, t);
    }
    if (d.chan) return d.chan.cap > 0 ? d.chan.cap : 8;
    const v = d.init?.k === 'num' ? d.init.v : 0;
    return v > 0 ? v : 8;
  }

  /** `priority N` after a proctype's parameters or a run: SPIN's grammar takes a constant
   * (PRIORITY CONST); 0 means the default, 1. */
  private priorityValue(): number {
    this.next();
    const t = this.t;
    if (t.kind !== 'num') this.err(`expected a number after 'priority' but found ${this.show(t)}`);
    if (t.value! > 255) this.err(`priority ${t.value} is out of range (1 to 255)`);
    this.next();
    return Math.max(1, t.value!);
  }

  /** `{ c0, c1, ... }` after an array's `=`: SPIN's c_list, constants only (numbers,
   * macros that expand to one, true, false, mtype names); no sign, no expression. */
  private initList(id: Token, len: number): Expr[] {
    if (len === 0) this.err(`${id.text} must be an array (a list initialiser needs one)`, id);
    this.expect('{');
    const list: Expr[] = [];
    for (;;) {
      const t = this.t, pos: Pos = t;
      const named = t.kind === 'id' ? (t.text === 'true' ? 1 : t.text === 'false' ? 0 : this.mtypeValue.get(t.text)) : undefined;
      if (t.kind === 'num') list.push({ k: 'num', v: t.value!, pos });
      else if (named !== undefined) list.push({ k: 'num', v: named, pos, text: t.text });
      else this.err(`an array initialiser list holds constants only (numbers, true, false, mtype names), found ${this.show(t)}`);
      this.next();
      if (this.is(',')) { this.next(); continue; }
      this.expect('}', "',' or '}' in the initialiser list");
      return list;
    }
  }

  private chanType(): ChanType {
    this.expect('[');
    const n = this.t;
    const cap = this.constant('a channel capacity');
    if (cap < 0 || cap > 255) this.err(`channel capacity must be 0 to 255, got ${cap}`, n);
    this.expect(']');
    this.expect('of');
    this.expect('{');
    const fields: BaseType[] = [];
    let structs = 0, first: string | null = null;
    for (;;) {
      const f = this.ident('a field type');
      if (f.text === 'unsigned') this.err('unsigned cannot be used as a message type (SPIN refuses it too)', f);
      if (first === null) first = f.text;
      structs++;
      // A typedef travels as its basic-typed leaves, in layout order (see codegen's
      // structLeaves, which expands a structure sent or received whole the same way).
      if (this.typedefs.has(f.text)) {
        const leaves = (name: string): BaseType[] => this.typedefs.get(name)!.flatMap((d) =>
          Array.from({ length: Math.max(1, d.len) }, () => (d.struct ? leaves(d.struct) : [d.type as BaseType])).flat());
        fields.push(...leaves(f.text));
        if (this.is(',')) { this.next(); continue; }
        break;
      }
      if (!BASE_TYPES.has(f.text)) this.err(`unknown type '${f.text}'`, f);
      if (f.text === 'mtype' && this.is(':')) { this.next(); this.ident('an mtype set name'); }
      fields.push(f.text as BaseType);
      if (this.is(',')) { this.next(); continue; }
      break;
    }
    this.expect('}', "',' or '}'");
    // A message that is one structure, which `for (m in c)` can take whole.
    const msgStruct = structs === 1 && first !== null && this.typedefs.has(first) ? first : undefined;
    return { cap, fields, ...(msgStruct ? { msgStruct } : {}) };
  }

  /** A constant expression (sizes, capacities, `active [N]`), evaluated as C ints. */
  private constant(what: string): number {
    const at = this.t;
    const e = this.expr();
    const v = constValue(e);
    if (v === null) this.err(`expected ${what} (a constant expression) but found '${exprText(e)}'`, at);
    return v;
  }

  // Expressions, lowest precedence first. `->` inside parentheses is the conditional.
  private static LEVELS: string[][] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];

  private static PREC = new Map(Parser.LEVELS.flatMap((ops, lvl) => ops.map((op) => [op, lvl] as const)));

  expr(): Expr {
    this.enter();
    const e = this.climb(0);
    this.nest--;
    return e;
  }

  /** Precedence climbing: a chain of operators of one level is a loop, not a recursion;
   * only a tighter-binding right operand recurses (at most once per level). */
  private climb(minLvl: number, first?: Expr): Expr {
    let a = first ?? this.unary();
    for (;;) {
      const lvl = this.t.kind === 'op' ? Parser.PREC.get(this.t.text) : undefined;
      if (lvl === undefined || lvl < minLvl) return a;
      if (this.ltlArrowAhead()) return a;
      const op = this.next();
      a = { k: 'bin', op: op.text, a, b: this.climb(lvl + 1), pos: op };
    }
  }

  /** In an LTL formula, `<` before `->` or `>` starts <-> or <>, not a comparison. */
  private ltlArrowAhead(): boolean {
    return this.t.text === '<' && (this.peek().text === '->' || this.peek().text === '>');
  }

  private unary(): Expr {
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

  /** One level deeper in the source's nesting: refused past MAX_NEST, before the parser's
   * own recursion could exhaust the stack. */
  private enter(): void {
    if (++this.nest > MAX_NEST) this.err(`the model nests more than ${MAX_NEST} levels deep (parentheses, operators or blocks)`);
  }

  private primary(): Expr {
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
}

/** Whether a labelled statement is a loop: a do, a for, or a select SPIN's parser builds.
 * SPIN places such a label on the loop's own element, not on the sequence's first (a for's
 * first is its start assignment), so close_seq and do_unless do not see it there
 * (KWLuna verification-4_copy.pml's `atomic{end:do :: ... od}`). */
function labelsLoop(s: Stmt): boolean {
  while (s.k === 'label') s = s.s;
  return s.k === 'do' || (s.k === 'block' && (s.forLoop === true || s.selectLoop === true));
}

/** The value of an expression built from numbers only, or null. */
export function constValue(e: Expr): number | null {
  switch (e.k) {
    case 'num': return e.v;
    case 'un': {
      const a = constValue(e.a);
      if (a === null) return null;
      return e.op === '-' ? -a | 0 : e.op === '~' ? ~a : a ? 0 : 1;
    }
    case 'cond': {
      const c = constValue(e.c);
      return c === null ? null : constValue(c ? e.a : e.b);
    }
    case 'bin': {
      const a = constValue(e.a), b = constValue(e.b);
      if (a === null || b === null) return null;
      switch (e.op) {
        case '+': return (a + b) | 0;
        case '-': return (a - b) | 0;
        case '*': return Math.imul(a, b);
        case '/': return b === 0 ? null : (a / b) | 0;
        case '%': return b === 0 ? null : a % b | 0;
        case '<<': return a << b;
        case '>>': return a >> b;
        case '&': return a & b;
        case '|': return a | b;
        case '^': return a ^ b;
        case '&&': return a && b ? 1 : 0;
        case '||': return a || b ? 1 : 0;
        case '==': return a === b ? 1 : 0;
        case '!=': return a !== b ? 1 : 0;
        case '<': return a < b ? 1 : 0;
        case '<=': return a <= b ? 1 : 0;
        case '>': return a > b ? 1 : 0;
        case '>=': return a >= b ? 1 : 0;
      }
      return null;
    }
    default: return null;
  }
}
