// Errors in a model the user supplied. They carry a source position so the command can
// print `file:line:column`, the line, and a caret, the way compilers do.
import { readSource } from './source-text.js';
import { dirname, isAbsolute, join } from 'node:path';

/** A place in the model; `file` is set for text that an #include brought in (the
 * including file's own positions leave it out). */
export interface Pos { line: number; col: number; file?: string }

/** Where an included file named in a Pos (relative to the model's directory) is. */
export function includedPath(modelFile: string, file: string): string {
  return isAbsolute(file) ? file : join(dirname(modelFile), file);
}

export class ModelError extends Error {
  override name = 'ModelError';
  constructor(message: string, readonly pos: Pos | null) { super(message); }
}

/** Renders a ModelError as `file:line:col: message` plus the source line and a caret. */
export function formatModelError(err: ModelError, file: string, source: string): string {
  if (err.pos === null) return `${file}: ${err.message}`;
  const { line, col } = err.pos;
  // A position in an included file: that file's name and line (it was readable when
  // included); Pos names it relative to the model's directory.
  if (err.pos.file !== undefined) {
    file = includedPath(file, err.pos.file);
    try { source = readSource(file); } catch { source = ''; }
  }
  let text = lineAt(source, line).replace(/\t/g, ' ');
  let caret = Math.max(0, col - 1);
  // A very long line is shown as the 100 characters around the column.
  if (text.length > 120) {
    const from = Math.max(0, caret - 60);
    text = (from > 0 ? '...' : '') + text.slice(from, from + 100) + (from + 100 < text.length ? '...' : '');
    caret = caret - from + (from > 0 ? 3 : 0);
  }
  return `${file}:${line}:${col}: ${err.message}\n${text}\n${' '.repeat(caret)}^`;
}

/** Line n (1-based) of a text, without splitting the whole text (it may be 10 MB). */
function lineAt(source: string, n: number): string {
  let at = 0;
  for (let i = 1; i < n; i++) {
    const nl = source.indexOf('\n', at);
    if (nl < 0) return '';
    at = nl + 1;
  }
  const end = source.indexOf('\n', at);
  return source.slice(at, end < 0 ? source.length : end);
}
