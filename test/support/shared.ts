// The commit's model, ../shared/seed/proc.p beside the repository, is an input file the
// repository carries no copy of. CI clones ../shared beside the repository and .ci/run
// refuses to start without it, so there these tests always run; on a bare clone they are
// skipped with the reason below instead of failing.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from dist/test/support/shared.js. */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export const procPath = resolve(repoRoot, '..', 'shared', 'seed', 'proc.p');

/** node:test's `skip` option for a test that reads proc.p: false when it is there. */
export const skipWithoutProcP: string | false = existsSync(procPath)
  ? false
  : `needs the commit's model ${procPath} (clone ../shared beside the repository; .ci/run requires it)`;
