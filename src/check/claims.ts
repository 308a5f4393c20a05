// Which claim a model is checked against: its own never claim, the claim of one of its
// ltl formulas (negated, as SPIN does: the claim accepts the runs that violate it), or,
// for non-progress cycles, SPIN's built-in claim over np_ (pan compiled with -DNP).
import { ModelError } from './errors.js';
import { neverClaimFor } from './ltl/claim.js';
import type { Ltl } from './ltl/formula.js';
import { collapsePropositional } from './ltl/propositional.js';
import { lex } from './promela/lexer.js';
import { parseClaim } from './promela/parser.js';
import { exprText } from './promela/text.js';
import type { Expr, Program } from './promela/ast.js';

/** pan's -DNP claim: state 0 waits (np_ to state 1, or true), state 1 (accepting) loops
 * while no process is at a progress label. Written so that its states are pan's. */
export const NON_PROGRESS_CLAIM = `never {
	do
	:: np_ -> goto accept_np
	:: true
	od;
accept_np:
	do
	:: np_
	od
}
`;

export interface ClaimChoice { ltlName: string | null; claimText: string | null }

/** Sets prog.claim as the options ask; returns which ltl block was used and the claim's text. */
export function chooseClaim(prog: Program, opts: { ltl?: string | undefined; nonProgress?: boolean | undefined }): ClaimChoice {
  if (opts.nonProgress) {
    if (prog.claim || prog.ltl.length > 0) {
      throw new ModelError('--non-progress uses its own claim (as pan -l does); this model has a never claim or ltl formulas', (prog.claim ?? prog.ltl[0]!).pos);
    }
    if (opts.ltl !== undefined) throw new ModelError('--ltl and --non-progress exclude each other', null);
    prog.claim = parseClaim(lex(NON_PROGRESS_CLAIM), prog);
    return { ltlName: null, claimText: NON_PROGRESS_CLAIM };
  }
  // pan -N NAME may name a never claim of the model's own too (SPIN compiles them all).
  const never = opts.ltl === undefined ? undefined : prog.nevers?.find((n) => n.name === opts.ltl);
  if (never) { prog.claim = never.claim; return { ltlName: null, claimText: null }; }
  if (opts.ltl !== undefined && prog.ltl.length === 0) throw new ModelError(`--ltl ${opts.ltl}: the model has no ltl formulas${prog.nevers ? ` and no never claim of that name (it has ${prog.nevers.map((n) => n.name).join(', ')})` : ''}`, null);
  // A never claim beside ltl formulas is pan's first claim (never_0), the one it checks
  // without -N; -N NAME picks a formula's claim instead.
  if (prog.ltl.length === 0 || (prog.claim && opts.ltl === undefined)) return { ltlName: null, claimText: null };
  const block = opts.ltl === undefined ? prog.ltl[0]! : prog.ltl.find((b) => b.name === opts.ltl);
  if (!block) throw new ModelError(`--ltl ${opts.ltl}: no such formula (the model has ${prog.ltl.map((b) => b.name).join(', ')})`, null);
  const text = neverClaimFor({ k: 'not', a: collapsePropositional(block.formula, (part) => asExpr(part, block.pos)) }, exprText);
  try {
    prog.claim = parseClaim(lex(text), prog);
  } catch (e) {
    if (e instanceof ModelError) throw new ModelError(`in the claim built from ltl ${block.name}: ${e.message}`, block.pos);
    throw e;
  }
  return { ltlName: block.name, claimText: text };
}

/** A propositional part of an ltl formula as the Promela expression SPIN's predicate is
 * (`a -> b` is `!a || b`, as spin.y writes it). */
function asExpr(f: Ltl<Expr>, pos: Expr['pos']): Expr {
  switch (f.k) {
    case 'true': return { k: 'num', v: 1, pos };
    case 'false': return { k: 'num', v: 0, pos };
    case 'atom': return f.a;
    case 'not': return { k: 'un', op: '!', a: asExpr(f.a, pos), pos };
    case 'and': return { k: 'bin', op: '&&', a: asExpr(f.a, pos), b: asExpr(f.b, pos), pos };
    case 'or': return { k: 'bin', op: '||', a: asExpr(f.a, pos), b: asExpr(f.b, pos), pos };
    case 'imp': return { k: 'bin', op: '||', a: { k: 'un', op: '!', a: asExpr(f.a, pos), pos }, b: asExpr(f.b, pos), pos };
    default: throw new Error(`not propositional: ${f.k}`);
  }
}
