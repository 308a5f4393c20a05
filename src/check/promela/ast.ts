// The syntax tree the parser builds and the compiler consumes. Inline calls and macros are
// already expanded; `skip` is the constant expression 1, `true`/`false` and mtype names
// are numbers.
import type { Pos } from '../errors.js';

export type BaseType = 'bit' | 'bool' | 'byte' | 'short' | 'int' | 'pid' | 'mtype' | 'chan';

/** A field selection after a variable: `.name` or `.name[index]`. */
export interface FieldRef { name: string; index: Expr | null; pos: Pos }

export interface VarRef { k: 'var'; name: string; index: Expr | null; fields: FieldRef[]; pos: Pos }

export type Expr =
  | { k: 'num'; v: number; pos: Pos; text?: string }
  | VarRef
  | { k: 'bin'; op: string; a: Expr; b: Expr; pos: Pos }
  | { k: 'un'; op: '!' | '-' | '~'; a: Expr; pos: Pos }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr; pos: Pos }
  /** priority: `run P() priority N` (the new process's priority; 1 without). */
  | { k: 'run'; proc: string; args: Expr[]; pos: Pos; priority?: number }
  /** get_priority(pid) (set: false) and set_priority(pid, pr) (set: true, a statement
   * that is always executable); `_priority` itself is a local (see Program.usesPriority). */
  | { k: 'prio'; set: boolean; args: Expr[]; pos: Pos }
  | { k: 'pid' | 'nr_pr' | 'timeout'; pos: Pos }
  /** SPIN's np_: no process is at a progress label (set by the liveness search). */
  | { k: 'np'; pos: Pos }
  | { k: 'chanop'; op: 'len' | 'empty' | 'full' | 'nempty' | 'nfull'; ch: VarRef; pos: Pos }
  | { k: 'poll'; ch: VarRef; args: RecvArg[]; pos: Pos; random?: boolean }
  /** `enabled(pid)`: whether that process has an executable move now. */
  | { k: 'enabled'; a: Expr; pos: Pos }
  /** `_last`: the pid of the process that made the last move (kept in the state). */
  | { k: 'last'; pos: Pos }
  /** Remote references (SPIN's `proc[pid]@label` and `proc[pid]:var`), for claims; pid
   * null (`proc@label`) means the lowest-numbered running process of that proctype. */
  | { k: 'rlabel'; proc: string; pid: Expr | null; label: string; pos: Pos }
  | { k: 'rvar'; proc: string; pid: Expr | null; v: VarRef; pos: Pos };

/** A receive argument: a variable to assign, or a value the message field must equal. */
export type RecvArg = { k: 'store'; v: VarRef } | { k: 'match'; e: Expr } | { k: 'any' };

export type Stmt = (
  /** gotoFirst: the skip before a goto that SPIN numbers after that goto (label-gotos.ts). */
  /** pruned: a redundant skip SPIN removes from an option (redundant-skips.ts): it keeps
   * its element number but is no state. */
  | { k: 'expr'; e: Expr; gotoFirst?: boolean; pruned?: boolean }
  | { k: 'assign'; lhs: VarRef; rhs: Expr; /** the step a declaration makes, not written by the model */ declared?: true }
  | { k: 'incr'; lhs: VarRef; d: 1 | -1 }
  | { k: 'assert'; e: Expr }
  /** printm: written as printm(e), the same as printf("%e", e). */
  | { k: 'printf'; fmt: string; args: Expr[]; printm?: boolean }
  /** closeLine: the line of fi/od, where SPIN places the jumps that end the statement. */
  | { k: 'if' | 'do'; opts: Stmt[][]; closeLine?: number }
  /** flat: a block SPIN has no element for (a for or select written out), see element-order;
   * forLoop: a for loop written out (a label on it names its do, see flow). */
  | { k: 'atomic' | 'dstep' | 'block'; body: Stmt[]; flat?: boolean; forLoop?: boolean; /** a select SPIN's parser builds (sel_index), not its lexer */ selectLoop?: boolean }
  | { k: 'else' }
  /** fixDest, gotoFirst: a goto (SPIN parses `break` as a goto too) that SPIN put after a
   * skip holding its label, and how it numbers the two (label-gotos.ts). */
  | { k: 'break'; fixDest?: boolean; gotoFirst?: boolean }
  | { k: 'goto'; label: string; fixDest?: boolean; gotoFirst?: boolean }
  | { k: 'label'; name: string; s: Stmt }
  /** `main unless { esc }`: in every state of main, esc's first move has priority. */
  | { k: 'unless'; main: Stmt[]; esc: Stmt[] }
  /** `sorted`: `c!!x`, inserted in order instead of appended. */
  | { k: 'send'; ch: VarRef; args: Expr[]; sorted?: boolean }
  /** `random`: `c??x`, the first matching message anywhere; `keep`: `c?<x>`, not removed. */
  | { k: 'recv'; ch: VarRef; args: RecvArg[]; poll: false; random?: boolean; keep?: boolean }
) & { pos: Pos };

export interface ChanType {
  cap: number;
  fields: BaseType[];
  /** The typedef a message is made of when it is exactly one structure (for `for (m in c)`). */
  msgStruct?: string;
}

export interface VarDecl {
  name: string;
  /** A basic type, or 'struct' for a typedef (named in `struct`). */
  type: BaseType | 'struct';
  struct: string | null;
  /** Array length, or 0 for a scalar. */
  len: number;
  init: Expr | null;
  /** `= { c0, c1, ... }` on an array: element i gets constant i, and the elements past
   * the list the last one (pan's iniglobals); constants only, as SPIN's grammar (c_list). */
  initList?: Expr[];
  chan: ChanType | null;
  pos: Pos;
  /** `hidden`: kept out of the state vector that states are compared by (globals only). */
  hidden?: boolean;
  /** `unsigned name : bits`: the width; `type` is the basic type that holds it. */
  bits?: number;
}

export interface ProcType {
  name: string;
  params: VarDecl[];
  locals: VarDecl[];
  body: Stmt[];
  /** Number of copies started at the beginning (`active [N]`), 0 for none. */
  active: number;
  isInit: boolean;
  pos: Pos;
  /** Index in declaration order among proctypes and init, for pan's start-up order. */
  order: number;
  /** A never claim (at most one; it is not in `procs` but in Program.claim). */
  isClaim?: boolean;
  /** `provided (expr)`: a condition every move of the process also needs. */
  provided?: Expr | null;
  /** `proctype P() priority N`: the priority of its `active` copies (a run gives 1). */
  priority?: number;
}

/** An `ltl name { formula }` block; the formula's atoms are Promela expressions. */
export interface LtlBlock { name: string; formula: import('../ltl/formula.js').Ltl<Expr>; text: string; pos: Pos }

/** `trace { }` (negated false) or `notrace { }`: sends and receives on the channels it
 * names must follow it (must not complete it); see src/check/event-trace.ts. */
export interface EventTraceDecl {
  negated: boolean; body: Stmt[]; pos: Pos;
  /** The variables declared at the top of its body: SPIN gives them no storage and pan
   * never reads them where the checker accepts them (wildcard fields only). */
  locals: VarDecl[];
  /** How many proctypes (init included) are declared before it: pan numbers its
   * transitions among theirs in declaration order (pan-trail.ts). */
  order: number;
}

export interface Program {
  /** typedef name -> its fields, in declaration order. */
  typedefs: Map<string, VarDecl[]>;
  globals: VarDecl[];
  procs: ProcType[];
  mtypes: string[];
  /** Each mtype name's value (SPIN numbers them from the end of each declaration). */
  mtypeValues: Map<string, number>;
  usesTimeout: boolean;
  /** The claim checked: the model's first `never { }` claim (pan's default), if it has
   * one, until claims.ts puts another in its place (--ltl NAME). */
  claim: ProcType | null;
  /** Every never claim with SPIN's name for it (`never NAME`, or never_N where N counts
   * the claims before it), in declaration order; pan -N NAME picks one. */
  nevers?: { name: string; claim: ProcType }[];
  ltl: LtlBlock[];
  /** The model's trace or notrace, if it has one. */
  trace?: EventTraceDecl;
  /** Whether `_last` occurs: then the state holds the pid of the last mover (pan's HAS_LAST). */
  usesLast?: boolean;
  /** Whether priorities occur (pan's HAS_PRIORITY): then every proctype's first local is
   * `_priority`, and a process moves only if no process of higher priority can. */
  usesPriority?: boolean;
  /** With priorities: how many claims SPIN compiles into pan (a never claim, or one per
   * ltl formula), which sizes pan's process records (pan-padding.ts). */
  claimsInPan?: number;
}
