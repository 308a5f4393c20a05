// What a `trace { }` or `notrace { }` body may hold, as SPIN 6.5.2's grammar decides it
// (spin.y's `events`): its statements are the "Special" ones only, sends, receives, if,
// do, break, goto and labels; any other statement is SPIN's error "not an event" (an
// assignment, skip, else, an expression, printf, assert, atomic, d_step, a { } block, a
// sorted send `!!`, a random receive `??` and the polls `?<..>`, which are all its Stmnt
// rule). SPIN refuses the model then, and so does the checker, at the statement.
//
// Refused here although SPIN takes them, each with its reason (the checker would give
// figures it cannot vouch for): a declaration (SPIN's front end takes it, as a local of a
// trace that has no process to hold it), `for` and `select` (their loops assign a
// counter, which pan's trace code would not do), accept/progress labels (pan makes the
// trace's state count for acceptance cycles and non-progress, not followed here), and
// the two places where SPIN makes a skip of its own (a label with no statement, `L: ;`,
// and an end label on a goto or break, flow.c's add_el): in pan's trace code a skip is a
// move that matches every event, which the checker refuses to imitate.
import { ModelError } from '../errors.js';
import type { Stmt } from './ast.js';

/** Throws at the first statement of a trace body that SPIN refuses or the checker does not follow. */
export function checkTraceBody(body: Stmt[], word: 'trace' | 'notrace'): void {
  for (const s of body) checkEvent(s, word);
}

function checkEvent(s: Stmt, word: string): void {
  const no = (what: string) => new ModelError(`${what} in a ${word} body is not supported`, s.pos);
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
      if (/^(accept|progress)/.test(s.name)) throw no(`an ${s.name.startsWith('accept') ? 'accept' : 'progress'} label (${s.name})`);
      if (s.s.k === 'expr' && s.s.e.k === 'num' && s.s.e.text === undefined) throw no(`a label with no statement (${s.name}:, a skip to SPIN that matches every event)`);
      if (s.name.startsWith('end') && (s.s.k === 'goto' || s.s.k === 'break')) throw no(`an end label on a ${s.s.k} (${s.name}:, SPIN puts a skip there that matches every event)`);
      checkEvent(s.s, word);
      return;
    case 'unless':
      throw notAnEvent(s, word, "'unless'");
    case 'block':
      if (s.forLoop) throw no("'for'");
      if (s.flat) throw no("'select' (or a declaration)");
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
