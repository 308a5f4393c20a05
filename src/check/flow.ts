// Turns a proctype body into SPIN's control-flow graph: which program counters exist and
// which transitions leave each one. The rules follow SPIN 6.5.2 with statement merging off
// (-o3), because the state count depends on exactly which control points are states:
//  - `goto`, `break` and the implicit jumps around an if/do are not states: a transition
//    into one goes straight to where it leads (SPIN's jump elimination), except that,
//    coming from an atomic statement, it stops at a jump whose destination is not atomic,
//    so the jump becomes a state of its own where atomicity ends;
//  - the last element of an atomic sequence does not count as atomic for that rule, nor
//    for its own transition (SPIN's L_ATOM);
//  - an atomic sequence, an inline body and a { } block are states of their own that offer
//    what their first statement offers: entering a loop at the top of an inline and
//    coming back round it are different states;
//  - an if/do whose option starts with another if/do or sequence offers that one's
//    options directly, in place; each `else` is tried after the other options of its
//    own if/do;
//  - a transition is atomic (the next state is not stored and only this process may
//    move) when its statement is atomic and its target lies inside an atomic sequence;
//  - a d_step is one statement; its body is compiled separately (see codegen).
import { ModelError } from './errors.js';
import type { Stmt } from './promela/ast.js';
import { elementOrder } from './element-order.js';
import { checkDstepJumps } from './dstep-jumps.js';

export interface El {
  kind: 'stmt' | 'choice' | 'jump' | 'seq' | 'end';
  /** For 'stmt': the statement executed; for 'jump': goto, break or the end of an if/do. */
  stmt: Stmt | null;
  next: El | null;
  opts: El[];
  /** Inside an atomic sequence. */
  atomic: boolean;
  /** The last element of an atomic sequence: inside it, yet control leaves after it. */
  lastAtomic: boolean;
  line: number;
  /** For jumps: where they go (set once labels are known); for 'seq': its first element. */
  target: El | null;
  label: string | null;
  pc: number;
  /** Entries of the escapes of the unless statements around this element, outermost first. */
  escapes: El[];
  /** SPIN's number for this element, its state number (see element-order.ts); -1 if unknown. */
  order: number;
}

export interface Trans {
  pc: number;
  target: number;
  el: El;
  isElse: boolean;
  atomic: boolean;
  /** The statement carries an end* label (spin -t -p marks its steps <valid end state>). */
  endLabel: boolean;
  /** 1..254: a move of an unless escape, numbered by the escape it was put in under (pan's
   * e_trans; tried first); 255: a move of the main part, which an escape that moved
   * overrides; 0: no unless around. */
  unless: number;
}

export interface Flow {
  /** Transitions leaving each pc, in the order pan tries them. */
  trans: Trans[][];
  start: number;
  endPcs: Set<number>;
  /** States labelled accept* and progress* (SPIN's accpstate and progstate). */
  acceptPcs: Set<number>;
  progressPcs: Set<number>;
  /** The state each label names (for remote references `proc[pid]@label`). */
  labelPcs: Map<string, number>;
  /** The source line of each pc (for listings). */
  lines: number[];
  /** SPIN's state number of each pc (for listings), -1 where unknown. */
  spinStates: number[];
  nPcs: number;
  /** How many elements SPIN makes for the body (its '-end-' is the last): pan numbers the
   * transitions of all proctypes in one sequence, in declaration order (pan-trail.ts). */
  elements: number;
}

export function buildFlow(body: Stmt[], endLine: number): Flow {
  const labels = new Map<string, El>();
  /** Labels inside d_step bodies: no goto from outside may lead there. */
  const dstepLabels = new Set<string>();
  const gotos: El[] = [];
  let escapes: El[] = [];
  const { order: orderOf, end: endOrder } = elementOrder(body);
  // The goto SPIN appends after a remotely referenced label (label-gotos.ts) comes last.
  const mk = (kind: El['kind'], stmt: Stmt | null, next: El | null, atomic: boolean, line: number): El =>
    ({ kind, stmt, next, opts: [], atomic, lastAtomic: false, line, target: null, label: null, pc: -1, escapes,
      order: stmt ? orderOf.get(stmt) ?? ((stmt.k === 'goto' || stmt.k === 'break') && stmt.fixDest ? endOrder + 1 : -1) : -1 });
  const endEl = mk('end', null, null, false, endLine);
  endEl.order = endOrder;
  // The jumps SPIN makes right after an if, do or unless element: its '.' and a do's exit.
  const after = (s: Stmt, k: number) => { const n = orderOf.get(s); return n === undefined ? -1 : n + k; };

  // Builds a sequence backwards from what follows it; returns its first and last element.
  const seq = (stmts: Stmt[], follow: El, atomic: boolean, brk: El | null): [El, El | null] => {
    let cur = follow, last: El | null = null;
    for (let i = stmts.length - 1; i >= 0; i--) {
      if (stmts[i]!.k === 'expr' && (stmts[i] as Stmt & { k: 'expr' }).pruned) continue;
      const [f, l] = one(stmts[i]!, cur, atomic, brk);
      if (last === null) last = l;
      cur = f;
    }
    return [cur, last];
  };
  const one = (s: Stmt, next: El, atomic: boolean, brk: El | null): [El, El | null] => {
    switch (s.k) {
      case 'atomic': case 'block': {
        // SPIN keeps an atomic sequence, an inline body and a { } block as an element of
        // its own: a state that offers the transitions of the sequence's first statement.
        // It differs from that statement's state when the sequence loops back to its start.
        if (s.body.length === 0) return [next, null];
        const e = mk('seq', s, null, atomic, s.pos.line);
        const [f, l] = seq(s.body, next, atomic || s.k === 'atomic', brk);
        e.target = f;
        // The last element of an atomic sequence is not atomic itself (SPIN's L_ATOM).
        if (s.k === 'atomic' && !atomic && l) l.lastAtomic = true;
        return [e, l];
      }
      case 'label': {
        if (labels.has(s.name)) throw new ModelError(`label '${s.name}' is defined twice`, s.pos);
        const r = one(s.s, next, atomic, brk);
        // SPIN adds a for loop's start assignment to the sequence while parsing, before
        // the label is placed: the label names the loop's do, and a goto to it does not
        // start the count again.
        const forDo = s.s.k === 'block' && s.s.forLoop && r[0].kind === 'seq' ? r[0].target?.next : null;
        labels.set(s.name, forDo ?? r[0]);
        return r;
      }
      case 'unless': {
        // The escape runs outside this unless; every element of the main part offers the
        // escape's first moves ahead of its own.
        // Both the escape and the main part end in one jump (SPIN's .(goto), one element
        // appended to both), which inside an atomic sequence is a step of its own when it
        // leads out of atomicity; as the atomic's last element it is not atomic itself.
        const end = mk('jump', null, null, atomic, s.pos.line);
        end.target = next; end.order = after(s, 1);
        const [entry] = seq(s.esc, end, atomic, brk);
        const outer = escapes;
        escapes = [...outer, entry];
        // A { } block as the main part is no state of its own there (it is in plain
        // sequence): SPIN enters its first statement directly.
        const main = s.main.length === 1 && s.main[0]!.k === 'block' ? (s.main[0] as Stmt & { k: 'block' }).body : s.main;
        const [first] = seq(main, end, atomic, brk);
        escapes = outer;
        return [first, end];
      }
      case 'break': {
        if (!brk) throw new ModelError("'break' outside a do loop", s.pos);
        const j = mk('jump', s, null, atomic, s.pos.line); j.target = brk; gotos.push(j); return [j, j];
      }
      case 'goto': { const j = mk('jump', s, null, atomic, s.pos.line); j.label = s.label; gotos.push(j); return [j, j]; }
      case 'if': {
        const dot = mk('jump', null, null, atomic, s.closeLine ?? s.pos.line); dot.target = next; dot.order = after(s, 1);
        const c = mk('choice', s, null, atomic, s.pos.line);
        c.opts = s.opts.map((o) => seq(o, dot, atomic, brk)[0]);
        return [c, dot];
      }
      case 'do': {
        // As in SPIN: options end in a jump back to the do; `break` and leaving go through
        // an exit element after it.
        // The exit is made from the do itself (its line), the '.' where the od is read.
        const exit = mk('jump', null, null, atomic, s.pos.line); exit.target = next; exit.order = after(s, 2);
        const c = mk('choice', s, null, atomic, s.pos.line);
        const dot = mk('jump', null, null, atomic, s.closeLine ?? s.pos.line); dot.target = c; dot.order = after(s, 1);
        c.opts = s.opts.map((o) => seq(o, dot, atomic, exit)[0]);
        return [c, exit];
      }
      default: {
        if (s.k === 'dstep') for (const l of checkDstepJumps(s)) dstepLabels.add(l);
        const e = mk('stmt', s, next, atomic, s.pos.line);
        return [e, e];
      }
    }
  };
  const [first] = seq(body, endEl, false, null);
  for (const g of gotos) {
    if (g.stmt!.k === 'break') continue;
    const t = labels.get(g.label!);
    if (!t && dstepLabels.has(g.label!)) throw new ModelError('jump into d_step sequence', g.stmt!.pos);
    if (!t) throw new ModelError(`undefined label '${g.label}'`, g.stmt!.pos);
    g.target = t;
  }
  // Whether an element counts as atomic for hunting and for its own transition (SPIN's
  // ATOM status): inside an atomic sequence but not its last element; a goto or break
  // whose destination lies outside the atomic sequence is not atomic either.
  const atom = (e: El) => e.atomic && !e.lastAtomic && !(e.kind === 'jump' && e.stmt !== null && !e.target!.atomic);
  const hunt = (e: El, fromAtomic: boolean, at: El): El => {
    for (let n = 0; e.kind === 'jump'; n++) {
      if (n > 1000) throw new ModelError('infinite goto loop', at.stmt?.pos ?? null);
      const g = e.target!;
      if (fromAtomic && !atom(g)) return e;
      e = g;
    }
    return e;
  };

  // SPIN also refuses a goto or break that lands on a d_step, through the jumps after an
  // if or do (`do :: ... :: else -> break od; d_step { ... }`); plain sequence into one
  // is fine. Where it lands is found as pan's put_el finds it, by hunting from the jump's
  // target with the jump's own atomicity: a jump inside an atomic sequence stops at the
  // sequence's end, so a loop that ends an atomic followed by a d_step lands on the
  // loop's exit, not on the d_step (`atomic { for (...) {...} }; d_step {...}`).
  for (const g of gotos) {
    const t = hunt(g.target!, atom(g), g);
    if (t.kind === 'stmt' && t.stmt?.k === 'dstep') throw new ModelError('jump into d_step sequence', g.stmt!.pos);
  }

  // Number the states reachable from the start, breadth first, and list their transitions.
  const states: El[] = [];
  const pcOf = (e: El): number => {
    if (e.pc < 0) { e.pc = states.length; states.push(e); }
    return e.pc;
  };
  const start = pcOf(hunt(first, false, first));
  const trans: Trans[][] = [];
  // The closing brace and end-labelled places are valid end states (SPIN's stopstate).
  const endPcs = new Set<number>([pcOf(endEl)]);
  for (const [name, e] of labels) if (name.startsWith('end')) endPcs.add(pcOf(hunt(e, false, e)));
  // What a state offers: an if/do its options (an option starting with another if/do or
  // a sequence offers what that one offers: SPIN's choice-in-choice flattening).
  // `via`: the elements below e that a move was taken through (option heads, sequence
  // starts, the moving statement when it is not e itself), for the labels they pass on.
  const outsOf = (e: El, depth = 0, via: El[] = []): { el: El; to: El; via: El[] }[] => {
    if (depth > 1000) throw new ModelError('confusing control structure', e.stmt?.pos ?? null);
    switch (e.kind) {
      case 'stmt': return [{ el: e, to: hunt(e.next!, atom(e), e), via }];
      case 'jump': return [{ el: e, to: hunt(e.target!, atom(e), e), via }];
      case 'seq': return outsOf(e.target!, depth + 1, [...via, e.target!]);
      case 'end': return [{ el: e, to: e, via }];
      case 'choice': {
        // The else option moves to the end of its own if/do only; an inner if's options,
        // its else included, stay where the inner if stands in the outer list. An else
        // runs only when nothing before it in the list could (pan's rule), see search.
        const isElse = (f: El) => f.kind === 'stmt' && f.stmt?.k === 'else';
        const opts = [...e.opts.filter((f) => !isElse(f)), ...e.opts.filter(isElse)];
        return opts.flatMap((f) => outsOf(f, depth + 1, [...via, f]));
      }
    }
  };
  // pan's lists (pangen2.h, HAS_UNLESS): for each state in increasing state number, for
  // each of its moves, for the escapes around that move's statement from the innermost
  // out, each move of the escape's entry state not yet in the list is put at the FRONT of
  // the list, marked with that escape. The entry state's list is taken as it stands then:
  // already holding the escapes around it when its number is lower. So outer escapes
  // usually come first, but an entry state numbered lower brings the outer escapes in
  // ahead of its own, under its own mark. Once a marked move has moved, pan tries only
  // moves with the same mark.
  type Out = { el: El; to: El; org: El | null };
  const base = (e: El): Out[] => outsOf(e).map((o) => ({ el: o.el, to: o.to, org: null }));
  const escapesOf = (el: El): El[] => (el.kind === 'jump' && el.stmt === null) || el.kind === 'end' ? [] : el.escapes;
  const entryOf = (x: El): El => hunt(x, false, x);
  const final = new Map<El, Out[]>();
  const listOf = (e: El): Out[] => {
    const done = final.get(e);
    if (done) return done;
    const own = base(e);
    let list = own;
    for (const t0 of own) {
      const escs = escapesOf(t0.el);
      for (let k = escs.length - 1; k >= 0; k--) {
        const p = entryOf(escs[k]!);
        const from = p.order < e.order ? listOf(p) : base(p);
        for (const t1 of from) {
          if (list.some((x) => x.el === t1.el)) continue;
          list = [{ el: t1.el, to: t1.to, org: p }, ...list];
        }
      }
    }
    final.set(e, list);
    return list;
  };
  const endEls = new Set([...labels].filter(([name]) => name.startsWith('end')).map(([, e]) => e));
  for (let i = 0; i < states.length; i++) {
    const e = states[i]!;
    const outs = listOf(e);
    // Marks are numbered per state, 1, 2, ... in list order; 255 marks the main part's
    // moves where there are escapes, 0 a state without any.
    const marks = new Map<El, number>();
    for (const o of outs) if (o.org && !marks.has(o.org)) marks.set(o.org, marks.size + 1);
    if (marks.size > 254) throw new ModelError('too many nested unless statements', e.stmt?.pos ?? null);
    trans[i] = outs.map((o) => ({
      endLabel: endEls.has(o.el),
      pc: i,
      target: e.kind === 'end' ? i : pcOf(o.to),
      el: o.el,
      isElse: o.el.stmt?.k === 'else' || (o.el.stmt?.k === 'dstep' && startsWithElse(o.el.stmt.body)),
      atomic: e.kind !== 'end' && atom(o.el) && o.to.atomic,
      unless: o.org ? marks.get(o.org)! : marks.size ? 255 : 0,
    }));
  }
  // Labels name states only where the search can be: a label on unreachable code is -1.
  const acceptPcs = new Set<number>(), progressPcs = new Set<number>(), labelPcs = new Map<string, number>();
  const mark = (name: string, pc: number) => {
    if (name.startsWith('accept')) acceptPcs.add(pc);
    if (name.startsWith('progress')) progressPcs.add(pc);
  };
  for (const [name, e] of labels) {
    const pc = hunt(e, false, e).pc;
    labelPcs.set(name, pc);
    if (pc >= 0) mark(name, pc);
  }
  // pan's retrans (pangen's imed): a state that offers the moves of option heads and
  // sequence starts below it passes each such element's accept, progress and end labels
  // on to the target of every move taken through it. A label on an option's first
  // statement, which is no state of its own, so marks the state after that statement (in
  // a do often the do itself: `do :: progress: x == 5 od` makes the do a progress state;
  // spin -t calls such a label "placed incorrectly", pan searches with it so).
  const labelsOf = new Map<El, string[]>();
  for (const [name, e] of labels) labelsOf.set(e, [...(labelsOf.get(e) ?? []), name]);
  for (let i = 0; i < states.length; i++) {
    for (const o of outsOf(states[i]!)) {
      for (const v of o.via) {
        for (const name of labelsOf.get(v) ?? []) {
          mark(name, pcOf(o.to));
          if (name.startsWith('end')) endPcs.add(pcOf(o.to));
        }
      }
    }
  }
  return { trans, start, endPcs, acceptPcs, progressPcs, labelPcs, lines: states.map((s) => s.line), spinStates: states.map((s) => s.order), nPcs: states.length, elements: endOrder };
}

/** A d_step whose first statement is `else` is one move that pan runs only while no move
 * before it in the state's list has been made (pangen2.c's ELSE code, `trpt->o_pm&1`,
 * sits at the head of the d_step's code); unlike an else option it is not put last. */
function startsWithElse(body: Stmt[]): boolean {
  let s = body[0];
  while (s && (s.k === 'label' || (s.k === 'block' && s.body.length > 0))) s = s.k === 'label' ? s.s : s.body[0];
  return s?.k === 'else';
}
