// Benchmark progress (b.N as it grows, warm-ups, server runs) on stderr, kept apart from
// the results on stdout.
//
// On a terminal: ONE status line, rewritten in place (carriage return, the text cut to the
// terminal's width, erase to the end of the line); when the phase ends the last status stays
// as an ordinary line. Cut to the width (its middle elided) because a line that wraps can no
// longer be rewritten by a carriage return, which goes back only to the start of its last row.
//
// Not on a terminal (CI logs, pipes, files): no progress at all. Rejected: one line per run
// (what a log showed before: dozens of lines that say less than the table after them) and
// a closing summary line (stderr would then differ between a passing and a failing run only
// in noise). The results are on stdout either way, and failures are reported there.

/** The bytes that show `text` as the live line of a terminal `columns` wide. */
export function liveLine(text: string, columns: number): string {
  const chars = [...text.replace(/[\r\n]+/g, ' ')];
  const room = Math.max(1, columns - 1); // the last column would make some terminals wrap
  if (chars.length <= room) return `\r${chars.join('')}\x1b[K`;
  // Too long: the start (which benchmark) and the end (the latest b.N, the result) matter
  // most, so the middle gives way.
  const head = Math.floor(room / 2);
  const shown = chars.slice(0, head).join('') + '\u2026' + chars.slice(chars.length - (room - head - 1)).join('');
  return `\r${shown}\x1b[K`;
}

/** What clears the live line (before other output takes the terminal). */
export const CLEAR_LINE = '\r\x1b[K';

export interface Progress {
  /** The live status: what the line shows now, replacing what it showed. */
  update(text: string): void;
  /** Before other output goes to the same terminal: takes the live line away (the next
   * update draws it again). */
  clear(): void;
  /** The phase is over: on a terminal the last status (or `final`) stays, ended by a
   * newline. */
  done(final?: string): void;
}

/** The part of a stream Progress writes to (process.stderr, or a test's fake). */
export type ProgressStream = { isTTY?: boolean; columns?: number; write(s: string): unknown };

/** Progress on a terminal: one line updated in place. */
export function terminalProgress(stream: ProgressStream): Progress {
  let shown = '';
  // A terminal that does not say its width (0 or none) is taken as 80 columns.
  const width = () => (stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80);
  return {
    update(text) {
      shown = text;
      stream.write(liveLine(text, width()));
    },
    clear() {
      if (shown !== '') stream.write(CLEAR_LINE);
      shown = '';
    },
    done(final) {
      const last = final ?? shown;
      if (last !== '') stream.write(liveLine(last, width()) + '\n');
      shown = '';
    },
  };
}

/** Progress where nobody watches it happen: nothing. */
export const silentProgress: Progress = { update() {}, clear() {}, done() {} };

/** The progress `stream` should get: live on a terminal, none otherwise. */
export function progressFor(stream: ProgressStream = process.stderr): Progress {
  return stream.isTTY === true ? terminalProgress(stream) : silentProgress;
}

/**
 * Adapts a writer of progress pieces (`"lock BenchmarkSyscall b.N ="`, `" 1"`, `" 100"`,
 * `" -> 35.2 ns/op\n"`) to a Progress: the pieces of one line accumulate into the status,
 * and a newline ends it (the next piece starts a new status, on the same terminal line).
 */
export function piecesTo(p: Progress): (s: string) => void {
  let line = '';
  let ended = false;
  return (s) => {
    const parts = s.split('\n');
    parts.forEach((part, i) => {
      if (ended && (part !== '' || i < parts.length - 1)) {
        line = '';
        ended = false;
      }
      line += part;
      if (i < parts.length - 1) ended = true;
    });
    if (line !== '') p.update(line);
  };
}
