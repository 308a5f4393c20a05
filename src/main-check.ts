// npm start's third part: `gosched check` on the commit's proc.p, which lies beside the
// checkout in shared/seed (the project reads it as an input file; it carries no copy).

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** <repo>/../shared/seed/proc.p, from dist/src/main-check.js. */
export const procP = fileURLToPath(new URL('../../../shared/seed/proc.p', import.meta.url));

export async function mainCheck(): Promise<boolean> {
  if (!existsSync(procP)) {
    process.stdout.write(`(skipped: the commit's model is not at ${procP}; run 'gosched check MODEL.pml' on any model)\n`);
    return true;
  }
  const cli = fileURLToPath(new URL('./cli.js', import.meta.url));
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [cli, 'check', procP], { stdio: 'inherit' });
    child.on('exit', (c) => resolve(c ?? 1));
  });
  return code === 0;
}
