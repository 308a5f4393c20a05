// SPIN's numbers for the elements of a proctype body (seqno: the state numbers pan and
// `spin -t -p` print), which follow the order SPIN creates the elements in. The order
// matters for the search too: pan adds the moves of unless escapes to each state's list in
// increasing state number, so whether an escape's own list already holds the escapes
// around it depends on whether its number is below the state's (see flow.ts).
//
// SPIN creates an element when a statement is added to its sequence, that is after
// everything nested inside it was parsed: an if/do after its options, an atomic, d_step
// or { } block after its body. For `main unless { esc }` (do_unless): a { } main gives its
// body directly, parsed before the escape; any other main is added after the escape; and a
// labelled block as main (`L: { ... } unless { ... }`) is wrapped again in a block made
// after the unless itself. An if also makes its closing jump ('.'), a do that and its
// exit, an unless its closing jump, each right after the statement's own element; the
// block around a written-out for or select (flat) is no element: its first statement is.
import type { Stmt } from './promela/ast.js';

/** Each statement that becomes a SPIN element, with its number (from 1), and the number
 * the closing '-end-' gets. */
export function elementOrder(body: Stmt[]): { order: Map<Stmt, number>; end: number } {
  const order = new Map<Stmt, number>();
  let next = 1;
  const number = (s: Stmt) => {
    order.set(s, next++);
    if (s.k === 'if' || s.k === 'unless') next += 1;
    else if (s.k === 'do') next += 2;
  };
  // Explicit stack instead of recursion: input depth is unbounded. Each entry is a
  // statement to walk whole ('walk'), only its nested parts ('inner') or only its own
  // element ('add').
  const todo: { s: Stmt; what: 'walk' | 'inner' | 'add' }[] = [];
  const pushSeq = (stmts: Stmt[]) => { for (let i = stmts.length - 1; i >= 0; i--) todo.push({ s: stmts[i]!, what: 'walk' }); };
  const wrapsBlock = (s: Stmt): s is Stmt & { k: 'label' } =>
    s.k === 'label' && (s.s.k === 'block' || s.s.k === 'atomic' || s.s.k === 'dstep');
  pushSeq(body);
  while (todo.length) {
    const { s, what } = todo.pop()!;
    if (what === 'walk') { todo.push({ s, what: 'add' }, { s, what: 'inner' }); continue; }
    if (what === 'add') {
      if (s.k === 'label') { todo.push({ s: s.s, what: 'add' }); continue; }
      // Made after the whole body (label-gotos.ts): flow.ts numbers it last.
      if ((s.k === 'goto' || s.k === 'break') && s.fixDest) continue;
      // A skip SPIN makes after the goto that follows it (label-gotos.ts): the goto, next
      // in the sequence, takes this number and the skip the one after.
      if (s.k === 'expr' && s.gotoFirst) { order.set(s, next + 1); continue; }
      if ((s.k === 'goto' || s.k === 'break') && s.gotoFirst) { number(s); next++; continue; }
      if ((s.k === 'block') && s.flat) { order.set(s, order.get(s.body[0]!) ?? -1); continue; }
      if (s.k !== 'unless') { number(s); continue; }
      number(s);
      const m = s.main.length === 1 ? s.main[0]! : null;
      if (m && wrapsBlock(m)) number(m.s);
      continue;
    }
    switch (s.k) {
      case 'if': case 'do': for (let i = s.opts.length - 1; i >= 0; i--) pushSeq(s.opts[i]!); break;
      case 'atomic': case 'block': case 'dstep': pushSeq(s.body); break;
      case 'label': todo.push({ s: s.s, what: 'inner' }); break;
      case 'unless': {
        const m = s.main.length === 1 ? s.main[0]! : null;
        // Pushed in reverse: main's inner parts, the escape body, then main's own element.
        if (m && m.k !== 'block' && !wrapsBlock(m)) todo.push({ s: m, what: 'add' });
        pushSeq(s.esc);
        if (m && m.k === 'block') pushSeq(m.body);
        else if (m && wrapsBlock(m)) pushSeq((m.s as Stmt & { body: Stmt[] }).body);
        else if (m) todo.push({ s: m, what: 'inner' });
        else pushSeq(s.main);
        break;
      }
      default: break;
    }
  }
  return { order, end: next };
}
