// Shared by every command: how a user's mistake is reported (one line, exit 2, no stack)
// versus a bug in gosched itself (the stack, exit 1).
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in what the user typed or supplied; printed without a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Prints an error and returns the exit code for it. */
export function fail(err: unknown): number {
  if (err instanceof UsageError) {
    process.stderr.write(`gosched: ${err.message}\n`);
    return 2;
  }
  if (err instanceof Error && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`gosched: ${err.message}\n`);
    return 2;
  }
  process.stderr.write(`gosched: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  return 1;
}

/** parseArgs with strict checking; `--help` is handled by the caller. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  allowPositionals = false,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: boolean; strict: true }>> {
  return parseArgs({ args: argv, options, allowPositionals, strict: true });
}

/** Parses a positive integer option, naming the option in the error. */
export function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--${name} must be a positive integer, got '${value}'`);
  }
  return Number(value);
}
