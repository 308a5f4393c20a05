// Warms the liveness search up before a real search: a search of a small built-in model
// with the same mode, fairness and memory limit, so that V8 has seen the common paths of
// the search loop before it compiles it (see warmUpSearch in liveness.ts for why that
// matters). The model is Peterson's lock for two processes with an atomic step and a
// rendezvous offer beside it: its searches store accepting states again with other
// bits, start nested searches, set and clear the fairness flag, block processes, make
// and take back offers, and end at the first cycle (about 130 states under --accept
// --fair) or after about 500 states. That is short on purpose: a warm-up that V8 found
// worth compiling would be compiled for this model's moves and give up on the real one's.
// It lives beside the search, not in it, because it needs the Promela front end.
import { compileModel } from './model.js';
import { warmUpSearch, type LivenessMode, type LivenessResult } from './liveness.js';

const MODEL = `
bool flag[2]; byte turn; bool w0, cs0; byte n;
chan c = [0] of { bit };
active [2] proctype P() {
  do
  :: flag[_pid] = 1; w0 = w0 || _pid == 0;
     turn = 1 - _pid;
     (flag[1 - _pid] == 0 || turn == _pid);
progress: cs0 = _pid == 0;
     atomic { n++; n-- };
     cs0 = 0; w0 = w0 && _pid != 0;
     flag[_pid] = 0
  :: _pid == 1 && n == 0 -> c!1
  :: _pid == 0 && n == 0 -> c?1
  od
}
`;

const LTL = 'ltl served { [] (w0 -> <> cs0) }\n';

/** Runs the warm-up search for a real search's mode, fairness and --memlim (about 10 ms);
 * its result says only what the warm-up went through. */
export function warmUpLiveness(mode: LivenessMode, fairness: boolean, memLimitBytes: number): LivenessResult {
  const np = mode === 'non-progress';
  const { machine } = compileModel('warm-up.pml', np ? MODEL : MODEL + LTL, { nonProgress: np });
  return warmUpSearch(machine, { maxDepth: 400, memLimitBytes, mode, fairness });
}
