// Renders statements and expressions back to Promela text for listings and error messages,
// in the fully parenthesised style SPIN's own listings use.
import type { Expr, RecvArg, Stmt, VarRef } from './ast.js';
import { displayName } from './scopes.js';

export function exprText(e: Expr): string {
  switch (e.k) {
    case 'num': return e.text ?? String(e.v);
    case 'var': return varText(e);
    case 'bin': return `(${exprText(e.a)}${e.op}${exprText(e.b)})`;
    case 'un': return `${e.op}(${exprText(e.a)})`;
    case 'cond': return `(${exprText(e.c)} -> ${exprText(e.a)} : ${exprText(e.b)})`;
    case 'run': return `run ${e.proc}(${e.args.map(exprText).join(',')})`;
    case 'pid': return '_pid';
    case 'nr_pr': return '_nr_pr';
    case 'timeout': return 'timeout';
    case 'np': return 'np_';
    case 'chanop': return `${e.op}(${varText(e.ch)})`;
    case 'poll': return `${varText(e.ch)}${e.random ? '??' : '?'}[${e.args.map(recvText).join(',')}]`;
    case 'enabled': return `enabled(${exprText(e.a)})`;
    case 'prio': return `${e.set ? 'set' : 'get'}_priority(${e.args.map(exprText).join(',')})`;
    case 'last': return '_last';
    case 'rlabel': return `${e.proc}${e.pid ? `[${exprText(e.pid)}]` : ''}@${e.label}`;
    case 'rvar': return `${e.proc}${e.pid ? `[${exprText(e.pid)}]` : ''}:${varText(e.v)}`;
  }
}

function varText(v: VarRef): string {
  const one = (name: string, index: Expr | null) => (index ? `${name}[${exprText(index)}]` : name);
  return [one(displayName(v.name), v.index), ...v.fields.map((f) => one(f.name, f.index))].join('.');
}

function recvText(a: RecvArg): string {
  return a.k === 'any' ? '_' : a.k === 'store' ? varText(a.v) : exprText(a.e);
}

export function stmtText(s: Stmt): string {
  switch (s.k) {
    // text '': the step of a structure declared after the first statement (pan's `[]`).
    case 'expr': return s.e.k === 'num' && s.e.text === '' ? '' : s.e.k === 'prio' && s.e.set ? exprText(s.e) : s.e.k === 'num' && s.e.text === 'skip' ? '(1)' : `(${exprText(s.e)})`.replace(/^\(\((.*)\)\)$/, '($1)');
    case 'assign': return `${varText(s.lhs)} = ${exprText(s.rhs)}`;
    case 'incr': return `${varText(s.lhs)} = (${varText(s.lhs)}${s.d > 0 ? '+' : '-'}1)`;
    case 'assert': return `assert(${exprText(s.e)})`;
    case 'printf': return s.printm ? `printm(${exprText(s.args[0]!)})` : `printf('${s.fmt.replace(/\n/g, '\\n')}')`;
    case 'if': return 'IF';
    case 'do': return 'DO';
    case 'atomic': return 'ATOMIC';
    case 'dstep': return `D_STEP${s.pos.line}`;
    case 'block': return 'BLOCK';
    case 'unless': return 'UNLESS';
    case 'break': return 'break';
    case 'else': return 'else';
    case 'goto': return `goto ${s.label}`;
    case 'label': return stmtText(s.s);
    case 'send': return `${varText(s.ch)}${s.sorted ? '!!' : '!'}${s.args.map(exprText).join(',')}`;
    case 'recv': {
      const args = s.args.map(recvText).join(',');
      return `${varText(s.ch)}${s.random ? '??' : '?'}${s.keep ? `<${args}>` : args}`;
    }
  }
}
