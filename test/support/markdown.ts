// What a reader of the project's Markdown can copy: fenced code blocks (with their info
// string) and inline code spans, each with the file and line it came from, so that a test
// failing on one can say where it is. Only the Markdown the project writes is read, so the
// grammar is the part of CommonMark those files use: ``` fences at a line's start, and
// spans between single backticks within one line.
import { readFileSync } from 'node:fs';

export interface Block {
  file: string;
  /** Line of the opening fence, 1-based. */
  line: number;
  lang: string;
  text: string;
}

export interface Span {
  file: string;
  line: number;
  text: string;
}

export interface MarkdownCode {
  blocks: Block[];
  spans: Span[];
}

/** The fenced blocks and the inline spans outside them of one Markdown file. */
export function readMarkdownCode(path: string, label = path): MarkdownCode {
  const lines = readFileSync(path, 'utf8').split('\n');
  const blocks: Block[] = [];
  const spans: Span[] = [];
  // Text outside fences, a run of lines at a time: a span may go on over a line break.
  let prose: string[] = [];
  let proseStart = 1;
  const flushProse = (): void => {
    const text = prose.join('\n');
    for (const m of text.matchAll(/`([^`]+)`/g)) {
      const line = proseStart + text.slice(0, m.index).split('\n').length - 1;
      spans.push({ file: label, line, text: m[1]!.replace(/\s*\n\s*/g, ' ') });
    }
    prose = [];
  };
  let open: { line: number; lang: string; body: string[] } | null = null;
  lines.forEach((raw, i) => {
    const fence = /^```\s*([\w-]*)/.exec(raw);
    if (fence !== null) {
      if (open === null) {
        flushProse();
        open = { line: i + 1, lang: fence[1]!, body: [] };
      } else {
        blocks.push({ file: label, line: open.line, lang: open.lang, text: open.body.join('\n') });
        open = null;
        proseStart = i + 2;
      }
      return;
    }
    if (open !== null) open.body.push(raw);
    else prose.push(raw);
  });
  if (open !== null) throw new Error(`${label}:${(open as { line: number }).line}: a code fence is never closed`);
  flushProse();
  return { blocks, spans };
}

/** Splits one shell command line into words, as sh does for quotes (no expansions). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'" || c === '"') {
      // An unbalanced quote (prose, not a command) runs to the end, as a word.
      const end = line.indexOf(c, i + 1) < 0 ? line.length : line.indexOf(c, i + 1);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else word = (word ?? '') + c;
  }
  if (word !== null) words.push(word);
  return words;
}

/** The simple commands of a line: split at `&&`, `;` and `|` outside quotes, a `# comment` dropped. */
export function simpleCommands(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quote: string | null = null;
  let end = line.length;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) {
      end = i;
      break;
    } else if (c === ';' || c === '|' || (c === '&' && line[i + 1] === '&')) {
      out.push(line.slice(start, i));
      if (c !== ';' && line[i + 1] === c) i++;
      start = i + 1;
    }
  }
  out.push(line.slice(start, end));
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}
