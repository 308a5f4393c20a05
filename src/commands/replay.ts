// `gosched replay MODEL.pml TRAIL`: replays a trail written by `gosched check`.
import { basename } from 'node:path';
import { ModelError } from '../check/errors.js';
import { replay, stuckProcesses } from '../check/replay.js';
import { readTrail } from '../check/trail.js';
import { loadOrExplain, quietOnClosedPipe } from './check.js';
import { parse, UsageError } from './usage.js';

export const help = `usage: gosched replay MODEL.pml TRAIL

Replays a trail written by 'gosched check' (lines 'step:pid:transition'), listing each
step as 'spin -t -p' does: step, process, file:line, state, statement, then the variables
it changed; printf output appears as it executes. Ends with the violated assertion or the
invalid end state.

exit status: 1 when the trail ends in an error, 0 when it does not, 2 bad input.
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) { process.stdout.write(help); return 0; }
  quietOnClosedPipe();
  if (positionals.length !== 2) throw new UsageError(`replay needs a model file and a trail file (see 'gosched replay --help')`);
  const [file, trailFile] = positionals as [string, string];
  const model = loadOrExplain(file);
  try {
    const steps = readTrail(trailFile);
    const outcome = replay(model.machine, basename(file), steps, (s) => process.stdout.write(s));
    if (outcome.error) return 1;
    const stuck = stuckProcesses(model.machine, steps);
    if (stuck.length > 0 && !canMove(model, steps)) {
      process.stdout.write(`gosched: invalid end state\n${stuck.map((s) => `\t${s}\n`).join('')}`);
      return 1;
    }
    process.stdout.write(`gosched: trail ends after ${steps.length} steps without an error\n`);
    return 0;
  } catch (e) {
    if (e instanceof ModelError) throw new UsageError(e.message);
    throw e;
  }
}

/** Whether any process can still move at the end of the trail (then it is no deadlock). */
function canMove(model: ReturnType<typeof loadOrExplain>, steps: { pid: number; tid: number }[]): boolean {
  const m = model.machine;
  const S = new Uint8Array(1 << 16);
  m.io.fill(0); m.init(S);
  let L = m.io[0]!;
  for (const { pid, tid } of steps) {
    let b = m.procBase;
    for (let j = 0; j < pid; j++) b += m.procSize[S[b]!]!;
    const copy = S.slice(0, L);
    for (const timeout of [0, 1]) {
      S.set(copy); m.io[0] = L; m.io[2] = timeout; m.io[1] = 0;
      if (m.exec(tid, S, 0, b, pid) !== 0) break;
    }
    L = m.io[0]!;
  }
  for (const timeout of [0, 1]) {
    let b = m.procBase;
    for (let pid = 0; pid < S[0]!; pid++) {
      const type = S[b]!, pc = S[b + 1]! | S[b + 2]! << 8;
      for (const tid of m.transOf[type]![pc]!) {
        const T = S.slice(0, L + 4096);
        m.io[0] = L; m.io[2] = timeout; m.io[1] = 0; m.io[4] = 0;
        if (m.exec(tid, T, 0, b, pid) === 0) continue;
        // A rendezvous offer is a move only if another process can take it.
        const boq = m.io[4]!;
        if (boq === 0 || answered(m, T, m.io[0]!, boq, pid)) return true;
      }
      b += m.procSize[type]!;
    }
  }
  return false;
}

function answered(m: ReturnType<typeof loadOrExplain>['machine'], S: Uint8Array, L: number, boq: number, sender: number): boolean {
  let b = m.procBase;
  for (let pid = 0; pid < S[0]!; pid++) {
    const type = S[b]!, pc = S[b + 1]! | S[b + 2]! << 8;
    if (pid !== sender) {
      for (const tid of m.transOf[type]![pc]!) {
        if (!m.trans[tid]!.isRendezvousRecv) continue;
        const T = S.slice(0, L + 4096);
        m.io[0] = L; m.io[1] = 0; m.io[4] = boq;
        if (m.exec(tid, T, 0, b, pid) !== 0) return true;
      }
    }
    b += m.procSize[type]!;
  }
  return false;
}
