// SPIN's trace assertion, `trace { ... }` and `notrace { ... }`, as pan 6.5.2 runs it
// (pangen1.h's require(), pangen2.c's trace cases, pangen3.h's qsend/qrecv hooks):
//
//  - The trace is no process: it has no pid, no record and makes no moves of its own.
//    Its one piece of state is its program counter, pan's `now._event`, a byte of the
//    state vector (so two states that differ only there are two states; nothing else
//    counts it: not _nr_pr, not the transitions, not the depth). It starts at the
//    body's first state.
//  - It observes the channel operations of the system: every send on a channel that a
//    send of the trace names, and every receive on a channel that a receive of the trace
//    names (pan's in_s_scope / in_r_scope, compared by channel number when the operation
//    runs; every send and receive of the body counts, one the trace can never reach too:
//    `trace_unreachable`); other channels, and the other direction on a named one, are
//    not observed.
//    A send is observed once its message is in the channel (a rendezvous send when it
//    offers, before any receiver takes it), and pan compares the channel's LAST slot
//    with the trace (after a sorted send `!!` that is not always the message sent; pan's
//    rule is kept). A receive is observed when it takes its message, comparing the
//    channel's FIRST slot (for a random receive `??` not always the message taken; again
//    pan's rule). Polls (`?[..]`, `?<..>`) are not observed.
//  - A move of the trace matches when it is the same operation on the same channel and
//    every field it gives as a constant (a number, an mtype name) or as `eval(e)` equals
//    the message's field; a variable or `_` there matches anything, so `c!_` and `c?x`
//    are wildcards. The trace's moves from its state are tried in pan's order; the first
//    that matches is taken. Another that matches too is pan's error "non-determinism in
//    event-trace".
//  - trace: an observed operation that no move matches is the error "event_trace error
//    (no matching event)", found in the move that made the operation (pan reports it one
//    level deeper than an assertion, `depth++` before its uerror, which no compared
//    figure shows). Once at its end, every observed operation is such an error.
//  - notrace: an observed operation that no move matches abandons the trace for good
//    (pan sets it to its end, "only 1st try will count"); reaching the end by matching is
//    the error "event_trace error (all events matched)".
//  - At a valid end state of the system the trace must rest at its end or at an end
//    label, else pan prints "event_trace not completed" and reports an invalid end
//    state. That holds for notrace too: one stopped half way is an invalid end state,
//    one abandoned or never begun (at its start, with an end label there) is not. A
//    system whose processes have all ended is no end state that pan checks (as for any
//    model), and pan checks end states only `if (!noends && !a_cycles)`: not with -E
//    (which gosched has no option for), nor with -a or -l (the liveness search here has
//    no end-state rule at all).
//  - d_step and atomic make no difference (the hooks are in pan's qsend and qrecv), nor
//    does a never claim or ltl formula (the claim sends and receives nothing; models
//    ../liveness/trace_ltl*). Rendezvous: see the send rule above.
//
// Rejected designs: (1) the trace as a process of the vector, stepped by the search
// after each move: the search would need to know which move sent what, and pan's
// channel-slot rules (last slot, first slot) would have to be rebuilt from outside the
// generated code; (2) a closure called from the generated code and reading the channels
// itself: it would duplicate the channel layout (dynamic local channels included). The
// chosen design compiles the trace's table into one generated function EV, which the
// generated send and receive code calls where pan's qsend/qrecv call require(), with the
// generated code's own channel accessors; codegen.ts only adds those calls, layout.ts the
// state byte and search.ts the end-state rule.
//
// SPIN's own skips (a label with no statement, `L: ;`, and the skip flow.c's add_el puts
// before a goto or break with an end label) are moves of the trace too, as is a goto or
// break that is an option's first statement: pan compiles each as its generic move, which
// in the trace's code matches any observed event (models trace_label_alone,
// trace_end_goto, trace_goto_move; trace_break_option is its non-determinism).
//
// Refused (ModelError with a position), where pan would run something the checker does
// not follow: a channel in the trace that is not a global chan variable or a chan field
// of a global structure (each array on the way indexed by a constant in bounds: pan's
// code for another index does not compile), the trace's own variables in a compared
// field (pan reads them through another process's record); and more than 255 trace
// states. See promela/trace-body.ts for what the body may hold.
import { ModelError } from './errors.js';
import { buildFlow } from './flow.js';
import type { Layout } from './layout.js';
import type { Expr, Program, Stmt, VarDecl, VarRef } from './promela/ast.js';
import type { Pos } from './errors.js';

export interface TraceMove {
  /** 0: a send, 1: a receive (pan's _tp 's' and 'r'); 2: SPIN's skip for a label with no
   * statement or an end label on a goto or break, or a goto or break that is a move by
   * itself: pan's generic move ("generic 'goto' or 'skip'", IfNotBlocked with boq = -1),
   * which matches any event the trace observes. */
  tp: 0 | 1 | 2;
  ch: VarRef | null;
  /** Per message field as written: the value it must have, or null for any. */
  fields: (Expr | null)[];
  target: number;
}

export interface EventTrace {
  negated: boolean;
  /** Where the trace's state (pan's _event) is kept in the vector. */
  off: number;
  start: number;
  /** Its end state (pan's endevent). */
  end: number;
  /** stop[pc] = 1 where the trace may rest when the system stops (its end, end labels). */
  stop: Uint8Array;
  /** moves[pc]: the trace's moves from pc, in pan's order. */
  moves: TraceMove[][];
  /** The channels of every send (scope[0]) and receive (scope[1]) written in the body. */
  scope: [VarRef[], VarRef[]];
  /** How many elements SPIN makes of the body (pan-padding.ts counts its states), and
   * how many proctypes are declared before it (pan-trail.ts numbers transitions so). */
  elements: number;
  order: number;
}

/** The model's trace, compiled to a table, or null without one. */
export function eventTrace(prog: Program, lay: Layout): EventTrace | null {
  const decl = prog.trace;
  if (!decl) return null;
  const word = decl.negated ? 'notrace' : 'trace';
  const last = decl.body[decl.body.length - 1];
  const flow = buildFlow(decl.body, last ? last.pos.line + 1 : decl.pos.line);
  if (flow.nPcs > 255) throw new ModelError(`the ${word} has ${flow.nPcs} states; the checker handles at most 255`, decl.pos);
  // The body's closing brace: its only move is pan's '-end-', which in the trace's code
  // matches nothing (`return 0`).
  const end = flow.trans.findIndex((list) => list.some((t) => t.el.kind === 'end'));
  if (end < 0) throw new Error(`internal: the ${word} has no end state`);
  // Every send and receive written in the body, reachable or not (pan compiles them all).
  const scope: [VarRef[], VarRef[]] = [[], []];
  const mine = new Set(decl.locals.map((d) => d.name));
  const walk = (list: Stmt[]): void => {
    for (const x of list) {
      if (x.k === 'send' || x.k === 'recv') {
        globalChannel(x.ch, prog, lay, word);
        // A field that matches anything still names variables the trace can see: globals
        // and its own. A compared field (eval) reads globals only: pan reads a trace's
        // variable through the record of the process that made the event.
        if (x.k === 'send') for (const a of x.args) globalNames(a, lay, mine, a.k !== 'num', word);
        else for (const a of x.args) if (a.k !== 'any') globalNames(a.k === 'store' ? a.v : a.e, lay, mine, a.k === 'store', word);
        scope[x.k === 'send' ? 0 : 1].push(x.ch);
      } else if (x.k === 'if' || x.k === 'do') for (const o of x.opts) walk(o);
      else if (x.k === 'label') walk([x.s]);
    }
  };
  walk(decl.body);
  const moves = flow.trans.map((list) => list.filter((t) => t.el.kind !== 'end').map((t): TraceMove => {
    const s = t.el.stmt;
    // SPIN's skip for a label, and a goto or break that is a move itself (an option's
    // first statement): pan's generic move, which matches any event.
    if ((s?.k === 'expr' && s.e.k === 'num' && s.e.text === undefined) || s?.k === 'goto' || s?.k === 'break') return { tp: 2, ch: null, fields: [], target: t.target };
    if (!s || (s.k !== 'send' && s.k !== 'recv')) throw new Error(`internal: a move of the ${word} that is no event (${s?.k ?? 'none'})`);
    const fields = s.k === 'send'
      ? s.args.map((a) => (a.k === 'num' ? a : null))
      : s.args.map((a) => (a.k === 'match' ? a.e : null));
    return { tp: s.k === 'send' ? 0 : 1, ch: s.ch, fields, target: t.target };
  }));
  return {
    negated: decl.negated, off: lay.eventOff, start: flow.start, end, scope,
    stop: Uint8Array.from({ length: flow.nPcs }, (_, pc) => (flow.endPcs.has(pc) ? 1 : 0)), moves, elements: flow.elements, order: decl.order,
  };
}

/** pan compiles the trace's channel as a global's value: a global chan variable, or a chan
 * field of a global structure (model trace_chan_field), each array on the way indexed by
 * a constant in bounds. pan's trace code for a variable index does not compile (its
 * Index() check names II, which require() does not have); a trace cannot name another
 * process's variables (SPIN: "undeclared variable", or a syntax error for P:c). */
function globalChannel(v: VarRef, prog: Program, lay: Layout, word: string): void {
  const g = lay.globals.get(v.name);
  if (!g) throw new ModelError(`the channel '${v.name}' of a ${word} must be a global chan variable or a chan field of a global structure`, v.pos);
  const constIndex = (d: VarDecl, index: Expr | null, name: string, pos: Pos) => {
    if (d.len > 0 && (index?.k !== 'num' || index.v < 0 || index.v >= d.len)) {
      throw new ModelError(`the channel '${name}' of a ${word} needs a constant index in 0..${d.len - 1} (pan's trace code does not compile with another)`, pos);
    }
  };
  let d: VarDecl = g.decl;
  constIndex(d, v.index, v.name, v.pos);
  for (const f of v.fields) {
    const field = d.struct ? prog.typedefs.get(d.struct)?.find((x) => x.name === f.name) : undefined;
    if (!field) throw new ModelError(`no field '${f.name}' in the channel '${v.name}' of a ${word}`, f.pos);
    d = field;
    constIndex(d, f.index, f.name, f.pos);
  }
  if (d.type !== 'chan') throw new ModelError(`the channel '${v.name}' of a ${word} must be a global chan variable or a chan field of a global structure`, v.pos);
}

/** Whether the system state at S[o..] (with processes) leaves the trace away from its end
 * and end labels: pan's "event_trace not completed", checked once every process is at a
 * valid end state (by the search and by replay). */
export function traceIncomplete(t: EventTrace | null, S: Uint8Array, o = 0): boolean {
  return t !== null && S[o]! > 0 && t.stop[S[o + t.off]!] !== 1;
}

/** SPIN reads a trace's names in global scope and its own: a local of a proctype there is
 * its "undeclared variable" (and `_`, in a send, the write-only name it always knows).
 * `mine`: the trace's own variables, which pan never reads in a wildcard field and reads
 * through the record of the process that made the event in a compared one (eval). */
function globalNames(e: Expr, lay: Layout, mine: Set<string>, wildcard: boolean, word: string): void {
  if (e.k === 'var') {
    if (e.name !== '_' && !lay.globals.has(e.name)) {
      if (!mine.has(e.name)) throw new ModelError(`undeclared variable '${e.name}' (a ${word} sees only globals and its own variables)`, e.pos);
      if (!wildcard) throw new ModelError(`the ${word}'s own variable '${e.name}' in a compared field is not supported: pan reads it through the record of the process that made the event`, e.pos);
    }
    if (e.index) globalNames(e.index, lay, mine, wildcard, word);
    return;
  }
  for (const x of Object.values(e)) {
    if (x !== null && typeof x === 'object' && 'k' in x && 'pos' in x) globalNames(x as Expr, lay, mine, wildcard, word);
  }
}

/** What the generated code offers the trace's function: a channel variable's value and an
 * expression's, read from the state at S[o..] in global context, and error numbers. */
export interface TraceJs {
  chanValue(v: VarRef): string;
  value(e: Expr): string;
  errId(kind: string, message: string, line: number | null): number;
}

/**
 * The source of `EV(S, o, tp, c)`, called by the generated code right after a send has put
 * its message in channel c (tp 0) and when a receive takes a message from c (tp 1, before
 * the message leaves the channel); returns 2 on an error (reported through fail), else 1.
 * It uses the generated module's QB, qat and fail.
 */
export function eventTraceSource(t: EventTrace, js: TraceJs): string {
  const noMatch = js.errId('trace', 'event_trace error (no matching event)', null);
  const allMatched = js.errId('notrace', 'event_trace error (all events matched)', null);
  const nondet = js.errId('trace-nondeterminism', 'non-determinism in event-trace', null);
  const scope = (tp: 0 | 1) => {
    const chans = [...new Set(t.scope[tp].map((v) => js.chanValue(v)))];
    return chans.length ? chans.map((c) => `c === ${c}`).join(' || ') : 'false';
  };
  const cond = (m: TraceMove) => (m.ch === null ? 'true' : [`tp === ${m.tp}`, `c === ${js.chanValue(m.ch)}`,
    ...m.fields.flatMap((f, i) => (f ? [`qat(S, o, c, m, ${i}) === (${js.value(f)})`] : []))].join(' && '));
  const cases = t.moves.map((list, pc) => {
    if (list.length === 0) return '';
    const tries = list.map((mv, i) => {
      const later = list.slice(i + 1).map((x) => `(${cond(x)})`);
      const check = later.length === 0 ? '' : ` if (${t.negated ? `to !== ${t.end} && ` : ''}(${later.join(' || ')})) return fail(${nondet});`;
      return `if (${cond(mv)}) { to = ${mv.target};${check} }`;
    });
    return `    case ${pc}: ${tries.join(' else ')} break;`;
  }).filter((c) => c !== '').join('\n');
  // notrace: reaching the end is the error, and the other moves are not tried then (pan
  // breaks out of its loop before its non-determinism check); the state is written
  // before the errors are reported, as pan's is.
  return `function EV(S, o, tp, c) {
  if (!(tp === 0 ? (${scope(0)}) : (${scope(1)}))) return 1;
  const e = S[o + ${t.off}];
  if (e === ${t.end}) return ${t.negated ? '1' : `fail(${noMatch})`};
  const m = tp === 0 ? S[QB(S, o, c)] - 1 : 0;
  let to = -1;
  switch (e) {
${cases}
  }
  if (to < 0) { ${t.negated ? `S[o + ${t.off}] = ${t.end}; return 1;` : `return fail(${noMatch});`} }
  S[o + ${t.off}] = to;
  return ${t.negated ? `to === ${t.end} ? fail(${allMatched}) : 1` : '1'};
}`;
}
