// Shared by every command: how a user's mistake is reported (one line, exit 2, no stack)
// versus a bug in gosched itself (the stack, exit 4), a package it needs that is not
// installed or a tool it ran that failed (Go's benchmarks: one line and the tool's output,
// exit 4). Under --json each is one JSON object on stdout as well:
// {"error": {"kind", "message", "file"?, "line"?, "col"?}, "exitCode"}.
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ToolError } from '../tool-error.js';

export { ToolError };

/** A mistake in what the user typed or supplied; printed without a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
  /** 'usage' for what was typed, 'model' for a mistake in a model file (with its place). */
  kind: 'usage' | 'model' = 'usage';
  where: { file: string; line: number | null; col: number | null } | null = null;
  /** The message without the quoted source line and caret, for JSON. */
  plain: string | null = null;
}

/** A package the command needs is not installed (typescript for explore and mutants, a
 * devDependency): exit 4 as gosched cannot do its part, but said in one line, no stack. */
export class DependencyError extends Error {
  override name = 'DependencyError';
}

/** Prints an error and returns the exit code for it: 2 for the user's mistakes, 4 for
 * gosched's own (an internal error is never confused with "the model has an error", 1)
 * and for a missing dependency. */
export function fail(err: unknown, json = false): number {
  const usage = err instanceof UsageError || (err instanceof Error && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'));
  const dependency = err instanceof DependencyError;
  const tool = err instanceof ToolError;
  const code = usage ? 2 : 4;
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(usage || dependency || tool ? `gosched: ${message}\n` : `gosched: internal error: ${err instanceof Error ? err.stack ?? message : message}\n`);
  if (json) {
    const u = err instanceof UsageError ? err : null;
    const kind = u ? u.kind : usage ? 'usage' : dependency ? 'dependency' : tool ? 'tool' : 'internal';
    process.stdout.write(JSON.stringify({ error: { kind, message: u?.plain ?? message, ...(u?.where ?? {}) }, exitCode: code }) + '\n');
  }
  return code;
}

/** parseArgs with strict checking; `--help` is handled by the caller. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  allowPositionals = false,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: boolean; strict: true }>> {
  const parsed = parseArgs({ args: negativeValuesJoined(argv, options), options, allowPositionals, strict: true, tokens: true });
  refuseRepeated(parsed.tokens);
  const { tokens: _tokens, ...rest } = parsed;
  return rest as ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: boolean; strict: true }>>;
}

/**
 * An option given twice with two values (`--seconds 1 ... --seconds 5`) is refused, naming
 * both: parseArgs keeps the last without a word, so a run differed from what half of its
 * command line said. The same value twice, or a flag twice, says one thing and passes.
 */
function refuseRepeated(tokens: NonNullable<ReturnType<typeof parseArgs>['tokens']>): void {
  const seen = new Map<string, { raw: string; value: string }>();
  for (const t of tokens) {
    if (t.kind !== 'option' || t.value === undefined) continue;
    const before = seen.get(t.name);
    if (before !== undefined && before.value !== t.value) {
      throw new UsageError(`${before.raw} given twice, '${before.value}' and '${t.value}': give it once`);
    }
    seen.set(t.name, { raw: t.rawName, value: t.value });
  }
}

/**
 * `--seconds -1` as `--seconds=-1`. parseArgs refuses a value that starts with a dash as
 * "ambiguous" (it might be a forgotten value followed by an option), which tells a user
 * who typed a negative number nothing about the number; joined, the value reaches the
 * option's own check, which says what the option takes and shows the value. Only what
 * reads as a number (`-1`, `-2.5`, `-1s`) is joined: `--trail --json` stays a missing value.
 */
function negativeValuesJoined(argv: string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const takesValue = (arg: string): string | null => {
    const long = /^--([^=]+)$/.exec(arg)?.[1];
    if (long !== undefined) return options[long]?.type === 'string' ? long : null;
    const short = /^-(\w)$/.exec(arg)?.[1];
    if (short === undefined) return null;
    const name = Object.keys(options).find((k) => options[k]!.short === short);
    return name !== undefined && options[name]!.type === 'string' ? name : null;
  };
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') { out.push(...argv.slice(i)); break; }
    const name = takesValue(arg);
    const next = argv[i + 1];
    if (name !== null && next !== undefined && /^-\.?\d/.test(next)) {
      out.push(`${arg.startsWith('--') ? arg : `--${name}`}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** An option as the user types it: `-w` for a one-letter name, `--max-depth` otherwise. */
export const optionFlag = (name: string): string => (name.length === 1 ? `-${name}` : `--${name}`);

/** Refuses the options of `names` that were given, naming them, where the run chosen
 * (`run` says what it does) would not use them: dropped silently, they would mislead. */
export function refuseUnused(values: Record<string, unknown>, names: readonly string[], run: string): void {
  const given = names.filter((o) => values[o] !== undefined).map(optionFlag);
  if (given.length > 0) throw new UsageError(`${run}: ${given.join(', ')} does not apply`);
}

/** Parses a positive integer option, naming the option in the error. */
export function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${optionFlag(name)} must be a positive integer, got '${value}'`);
  }
  return Number(value);
}

/** Parses an option that may be 0 (a bound, a count of extra work), naming it in the error. */
export function nonNegativeInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${optionFlag(name)} must be a non-negative integer, got '${value}'`);
  }
  return Number(value);
}

/** `--out=` or `--trail ''`: an empty path names nothing. Refused as such, where it was
 * taken for the current folder's parent (--trail passed its check, and the trail was
 * then lost after the search) or said as a bare ENOENT. */
export function notEmpty(option: string, path: string, what: string): void {
  if (path === '') throw new UsageError(`${option}: an empty path; name ${what}`);
}

/** `-` where a file is read: standard input, by convention, which a command that reads
 * its file by name (and more than once: includes, trails, each run of bench-check) does
 * not take. Said as such, where it was "no such file". */
export function notStdin(what: string, file: string, pipeRead = true): void {
  if (file === '-') throw new UsageError(`${what} '-': standard input is not read here; name a file${pipeRead ? ' (a pipe may be named as /dev/stdin)' : ''}`);
}

/** A file an option names for writing (--trail): its folder must exist and be writable.
 * Checked before the work, so that a typo does not cost a search and end in a stack. */
export function writableFile(option: string, file: string): void {
  notEmpty(option, file, 'a file');
  let isDir = false;
  try { isDir = statSync(file).isDirectory(); } catch { /* not there yet: its folder decides */ }
  if (isDir) throw new UsageError(`${option} ${file}: is a folder; name a file`);
  const dir = dirname(resolve(file));
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw new UsageError(`${option} ${file}: cannot write there (${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

/**
 * `mkdir -p` that always returns. Node's `mkdirSync(dir, { recursive: true })` never returns
 * for a path under /proc (its mkdir answers ENOENT for a parent that stat reports missing,
 * and Node retries the parent for ever), so the folders are made one at a time from the
 * nearest one that exists, and anything that is not a folder along the way is an error.
 */
export function makeDir(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    let st;
    try { st = statSync(at); } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      const parent = dirname(at);
      if (parent === at) throw err;
      missing.push(at);
      at = parent;
      continue;
    }
    if (!st.isDirectory()) throw Object.assign(new Error(`${at} is not a directory`), { code: 'ENOTDIR' });
    break;
  }
  for (const d of missing.reverse()) {
    try { mkdirSync(d); } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

/** A folder an option names for output (--out), made now if missing, before the work. */
export function outputDir(option: string, dir: string): void {
  notEmpty(option, dir, 'a folder');
  try {
    makeDir(dir);
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw new UsageError(`${option} ${dir}: cannot write there (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}
