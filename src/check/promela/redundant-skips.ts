// SPIN drops redundant skips from the options of an if or do (flow.c's prune_opts and
// check_sequence, for every proctype but the never claim): in a run of unlabelled
// statements that do nothing (skip, true, a constant 1, printf, printm), each skip after
// the first is removed, unless it is the option's first or last statement; printf and
// printm count in the run but stay. `:: true -> skip; x++` is `:: true -> x++`, one state
// fewer (gregueiras MFES MC3/2.pml: 26 states stored by pan, 42 with the skip kept).
import type { Stmt } from './ast.js';

const isSkip = (s: Stmt): boolean => s.k === 'expr' && s.e.k === 'num' && s.e.v === 1 && s.e.text !== '';
const isPrint = (s: Stmt): boolean => s.k === 'printf';

/** The option with the skips SPIN removes marked `pruned`: SPIN numbered them before it
 * removed them, so they keep their element numbers (element-order.ts) but flow.ts makes
 * no state of them. */
export function pruneSkips(opt: Stmt[]): Stmt[] {
  let run = 0;
  opt.forEach((s, i) => {
    if (!isSkip(s) && !isPrint(s)) { run = 0; return; }
    run++;
    if (run > 1 && s.k === 'expr' && isSkip(s) && i !== 0 && i !== opt.length - 1) s.pruned = true;
  });
  return opt;
}
