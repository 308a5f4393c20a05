// What a name is where the parser stands: the mtype names, typedefs, inlines and
// proctypes declared so far (SPIN's lexer reads each kind as a token of its own from its
// declaration on, which decides what spin.y accepts there), the variables in scope
// (the proctype's locals and parameters, the globals, SPIN 6's block scopes) and where
// the proctype being parsed stands (its first statement, its nested sequences). The
// statement and declaration levels above read and extend it.
import type { Pos } from '../errors.js';
import type { Token } from './lexer.js';
import { RESERVED } from './reserved.js';
import type { BlockScopes } from './scopes.js';
import type { VarDecl } from './ast.js';
import { TokenCursor } from './parse-cursor.js';

export const BASE_TYPES = new Set(['bit', 'bool', 'byte', 'short', 'int', 'pid', 'mtype', 'chan']);
const UNSUPPORTED = new Set([
  'c_code', 'c_expr', 'c_decl', 'c_state', 'c_track',
]);

export interface Inline { params: string[]; body: Token[]; pos: Pos }

export abstract class NameScope extends TokenCursor {
  protected inlines = new Map<string, Inline>();
  protected inlineDepth = 0;
  protected mtypes: string[] = [];
  /** SPIN numbers each mtype declaration's names from the last one up, after earlier ones. */
  protected mtypeValue = new Map<string, number>();
  /** Values of the named mtype sets (`mtype:name = {...}`), each numbered on its own. */
  protected mtypeSubsets = new Map<string, number>();
  protected typedefs = new Map<string, VarDecl[]>();
  protected isType(t: Token): boolean { return t.kind === 'id' && (BASE_TYPES.has(t.text) || t.text === 'unsigned' || this.typedefs.has(t.text)); }
  /** Locals of the proctype being parsed; declarations anywhere in its body land here. */
  protected locals: VarDecl[] | null = null;
  /** Whether the proctype being parsed has had a statement yet (see declarations). */
  protected seenStmt = false;
  /** Parameters of the proctype being parsed, and the globals declared so far (for `for (x in ...)`). */
  protected params: VarDecl[] | null = null;
  protected globalDecls: VarDecl[] = [];
  /** The block scopes of the proctype being parsed (null outside one, and in a claim). */
  protected scopes: BlockScopes | null = null;
  /** Sequences open in the proctype being parsed: its body is 1, a block or option in it
   * more (SPIN's initialization_ok holds only in the body, before its first statement). */
  protected seqDepth = 0;
  /** Proctype names, collected before parsing so remote references (`P[0]@cs`) in an
   * ltl block or claim that comes before the proctype are recognised. */
  protected procNames: Set<string>;
  /** Where each proctype's name is first declared (its token's index): from there on
   * SPIN's lexer reads the name as a process name (PNAME), so a variable declared with it
   * later is its syntax error "saw 'process name'" (see lexedAs). */
  protected procDeclaredAt = new Map<string, number>();
  /** Where SPIN's lexer stands while an inline's body is parsed: the call (the outermost,
   * for nested calls), since SPIN reads the body's text there, not where it is defined. */
  protected callSite: number | null = null;
  /** Parsing an ltl block, which SPIN reads once the whole model is (every proctype
   * declared by then). */
  protected inLtl = false;

  constructor(toks: Token[]) {
    super(toks);
    toks.forEach((t, i) => {
      if (i > 0 && toks[i - 1]!.text === 'proctype' && t.kind === 'id' && !this.procDeclaredAt.has(t.text)) this.procDeclaredAt.set(t.text, i);
    });
    this.procNames = new Set(this.procDeclaredAt.keys());
  }

  protected ident(what = 'a name'): Token {
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
  protected lexedAs(name: string): string | null {
    if (this.mtypeValue.has(name)) return 'a constant';
    if (this.typedefs.has(name)) return 'a typename';
    const at = this.inLtl ? Infinity : this.callSite ?? this.p - 1;
    if ((this.procDeclaredAt.get(name) ?? Infinity) < at) return 'process name';
    if (this.inlines.has(name)) return 'inline name';
    return null;
  }

  /** Refuses a name just read (t) that SPIN's lexer does not read as a plain name. */
  protected plainName(t: Token, what: string): void {
    const kind = this.lexedAs(t.text);
    if (kind === null) return;
    const why = kind === 'process name' ? 'a proctype declared above; SPIN\'s lexer reads the name as that process from there on'
      : kind === 'a constant' ? 'an mtype name declared above' : kind === 'a typename' ? 'a typedef declared above' : 'an inline defined above';
    this.err(`syntax error: saw '${kind}' '${t.text}' (${what} named like ${why})`, t);
  }

  /** A name being declared: SPIN's reserved words cannot be one. */
  protected newName(what: string): Token {
    const t = this.ident(what);
    if (RESERVED.has(t.text)) this.err(`'${t.text}' is a reserved word and cannot be ${what}`, t);
    return t;
  }

  protected rejectUnsupported(t: Token): void {
    if (t.kind === 'id' && UNSUPPORTED.has(t.text)) this.err(`'${t.text}' is not supported`, t);
    if (t.kind === 'id' && t.text === 'priority') this.err("'priority' belongs after a proctype's parameters or a run's arguments (proctype P() priority N, run P() priority N)", t);
  }

  /** A variable by name as seen where the parser stands: local, parameter, then global. */
  protected declOf(name: string): VarDecl | undefined {
    return this.locals?.find((d) => d.name === name) ?? this.params?.find((d) => d.name === name) ?? this.globalDecls.find((d) => d.name === name);
  }

  /** SPIN's lookup finds a global declared above before a new local of its name: a
   * local or parameter may not share a name with one ("redeclaration"). */
  protected notGlobal(d: VarDecl): void {
    if (this.globalDecls.some((g) => g.name === d.name)) this.err(`redeclaration of '${d.name}' (a global of that name is declared above)`, d.pos);
  }

  /** SPIN (spin.y, flow.c's open_seq) initialises locals at process creation only while
   * no statement has been read and no nested sequence (option, atomic, d_step, { }, inline
   * call) opened: `init { atomic { byte i = 0; ... } }` makes `i = 0` a step of the atomic. */
  protected openedSeq(): void {
    if (this.locals !== null) this.seenStmt = true;
  }
}
