// What a `trace { }` or `notrace { }` body may hold, as SPIN 6.5.2's grammar decides it
// (spin.y's `events`): its statements are the "Special" ones only, sends, receives, if,
// do, break, goto and labels; any other statement is SPIN's error "not an event" (an
// assignment, skip, else, an expression, printf, assert, atomic, d_step, a { } block, a
// sorted send `!!`, a random receive `??` and the polls `?<..>`, which are all its Stmnt
// rule). SPIN refuses the model then, and so does the checker, at the statement.
//
// Taken as SPIN takes them: a label with no statement (`L: ;`) and an end label on a goto
// or break, where SPIN makes a skip of its own (spin.y's `NAME ':'`, flow.c's add_el):
// pan's trace code runs that skip as its generic move, which matches any event, as it
// runs a goto or break that is an option's first statement (event-trace.ts; models
// trace_label_alone, trace_end_goto, trace_goto_move). Declarations at the top of
// the body: the parser keeps them (parse-stmt.ts traceDecl; model trace_declarations).
//
// Refused here although SPIN takes them, each with its reason: accept/progress labels
// (pan's require() marks the move into such a state of the trace for its acceptance and
// non-progress cycles, which the liveness search here does not follow; a safety search
// is unaffected, but the front end refuses what one of the searches cannot check). `for`,
// `select` and declarations after the first statement are refused by the parser, with
// theirs.
import { ModelError } from '../errors.js';
import type { Stmt } from './ast.js';

/** Throws at the first statement of a trace body that SPIN refuses or the checker does not follow. */
export function checkTraceBody(body: Stmt[], word: 'trace' | 'notrace'): void {
  for (const s of body) checkEvent(s, word);
}

function checkEvent(s: Stmt, word: string): void {
  switch (s.k) {
    case 'send':
      if (s.sorted) throw notAnEvent(s, word, 'a sorted send (!!)');
      return;
    case 'recv':
      if (s.keep) throw notAnEvent(s, word, 'a receive that keeps the message (?<..>)');
      if (s.random) throw notAnEvent(s, word, 'a random receive (??)');
      return;
    case 'if': case 'do':
      for (const o of s.opts) for (const x of o) checkEvent(x, word);
      return;
    case 'break': case 'goto':
      return;
    case 'label':
      if (/^(accept|progress)/.test(s.name)) {
        const kind = s.name.startsWith('accept') ? 'an accept' : 'a progress';
        throw new ModelError(`${kind} label (${s.name}) in a ${word} body is not supported: pan counts the ${word}'s state for ${kind === 'an accept' ? 'acceptance' : 'non-progress'} cycles (-a, -l), which the checker's liveness search does not follow`, s.pos);
      }
      // SPIN's skip for a label with no statement: a move that matches any event.
      if (s.s.k === 'expr' && s.s.e.k === 'num' && s.s.e.text === undefined) return;
      checkEvent(s.s, word);
      return;
    case 'unless':
      throw notAnEvent(s, word, "'unless'");
    case 'block':
      // for, select and declarations are refused by the parser already.
      throw notAnEvent(s, word, 'a { } block');
    case 'atomic': throw notAnEvent(s, word, 'atomic');
    case 'dstep': throw notAnEvent(s, word, 'd_step');
    case 'else': throw notAnEvent(s, word, 'else');
    case 'expr': throw notAnEvent(s, word, 'an expression statement (skip, a condition, run)');
    case 'assign': case 'incr': throw notAnEvent(s, word, s.k === 'assign' && s.declared ? 'a declaration' : 'an assignment');
    case 'assert': throw notAnEvent(s, word, 'assert');
    case 'printf': throw notAnEvent(s, word, s.printm ? 'printm' : 'printf');
  }
}

function notAnEvent(s: Stmt, word: string, what: string): ModelError {
  return new ModelError(`not an event: ${what} in a ${word} body (SPIN takes only sends, receives, if, do, goto, break and labels there)`, s.pos);
}
