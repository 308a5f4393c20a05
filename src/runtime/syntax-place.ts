// Where a module's syntax error is. import() does not say (Node 20's SyntaxError from a
// module has neither the file's line nor a stack into it; new Worker's is the same), so
// a user read `cannot load file:///.../m.mjs: Unexpected number` and had to find the line
// alone. `node --check FILE` says: its first three lines of stderr are file:line, the
// source line and a caret. Asked only once loading has failed, so no load pays for it.
// Rejected: parsing the file here (vm.SourceTextModule needs a flag; vm.Script does not
// take import/export).

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** For a SyntaxError met loading the module at `url`: '\n' and the place node --check
 * gives, or '' (another error, not a file: URL, or a file that checks clean, as when
 * the syntax error is in a module it imports). */
export function syntaxErrorPlace(err: unknown, url: string): string {
  if (!(err instanceof SyntaxError) || !url.startsWith('file:')) return '';
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch {
    return '';
  }
  const r = spawnSync(process.execPath, ['--check', path], { encoding: 'utf8', timeout: 10_000 });
  const lines = (r.stderr ?? '').split('\n');
  return /:\d+$/.test(lines[0] ?? '') ? `\n${lines.slice(0, 3).join('\n')}` : '';
}
