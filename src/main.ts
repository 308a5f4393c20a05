// `npm start`: the project's main job, in one run. The commit's scheduler on real
// threads under stress (both protocols, counters audited), the commit's benchmark
// table old vs new, and the model check of the commit's own Promela model.

import { runMainTable } from './bench/main-table.js';
import { formatStress, runStress } from './stress/stress.js';
import { PROTOCOLS } from './sched/index.js';
import { mainCheck } from './main-check.js';
import { endChildrenOnSignal } from './commands/children.js';

async function main(): Promise<number> {
  let ok = true;

  process.stdout.write('== 1. The scheduler under stress (gosched stress) ==\n\n');
  for (const protocol of PROTOCOLS) {
    const r = await runStress({ protocol, threads: 4 });
    process.stdout.write(`${formatStress(r)}\n\n`);
    ok &&= r.ok;
  }

  process.stdout.write('== 2. The commit\'s benchmarks, old protocol vs new (gosched bench) ==\n\n');
  // Its progress: one line in place on a terminal, none in a pipe. A failed run fails npm start.
  ok = (await runMainTable()) && ok;

  process.stdout.write('\n== 3. The commit\'s Promela model, verified (gosched check proc.p) ==\n\n');
  ok = (await mainCheck()) && ok;

  return ok ? 0 : 1;
}

// The model check runs in a child process: a signal to npm start ends it too.
endChildrenOnSignal();

main().then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`gosched: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
