// npm start's third part: `gosched check` on the commit's proc.p, which lies beside the
// checkout in shared/seed (the project reads it as an input file; it carries no copy).

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePanOutput } from './bench/check-vs-spin.js';

/** <repo>/../shared/seed/proc.p, from dist/src/main-check.js. */
export const procP = fileURLToPath(new URL('../../../shared/seed/proc.p', import.meta.url));
/** pan's own report on proc.p, stored when it was made (see models/spin/bench/README.md). */
const panReport = fileURLToPath(new URL('../../models/spin/bench/proc.pan.txt', import.meta.url));

export async function mainCheck(): Promise<boolean> {
  if (!existsSync(procP)) {
    process.stdout.write(`(skipped: the commit's model is not at ${procP}; run 'gosched check MODEL.pml' on any model)\n`);
    return true;
  }
  const cli = fileURLToPath(new URL('./cli.js', import.meta.url));
  // proc.p's own header runs pan with -m500000: its deepest path is 32,402 steps.
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [cli, 'check', procP, '--max-depth', '500000'], { stdio: 'inherit' });
    child.on('exit', (c) => resolve(c ?? 1));
  });
  const pan = parsePanOutput(readFileSync(panReport, 'utf8'));
  process.stdout.write(
    `\nSPIN ${pan.spinVersion} on the same model (spin -o1 -o2 -o3 -a; gcc -DSAFETY -DNOREDUCE; pan -m500000),\n` +
      `as stored in models/spin/bench/proc.pan.txt: ${pan.errors} errors, ${pan.statesStored} states stored, ` +
      `${pan.statesMatched} matched, ${pan.transitions} transitions, ${pan.atomicSteps} atomic steps, depth ${pan.depthReached}\n`,
  );
  return code === 0;
}
