// Errors in a model the user supplied. They carry a source position so the command can
// print `file:line:column`, the line, and a caret, the way compilers do.

export interface Pos { line: number; col: number }

export class ModelError extends Error {
  override name = 'ModelError';
  constructor(message: string, readonly pos: Pos | null) { super(message); }
}

/** Renders a ModelError as `file:line:col: message` plus the source line and a caret. */
export function formatModelError(err: ModelError, file: string, source: string): string {
  if (err.pos === null) return `${file}: ${err.message}`;
  const { line, col } = err.pos;
  const text = (source.split('\n')[line - 1] ?? '').replace(/\t/g, ' ');
  return `${file}:${line}:${col}: ${err.message}\n${text}\n${' '.repeat(Math.max(0, col - 1))}^`;
}
