// Runs the model checker through its command-line contract, for the differential tests
// against SPIN (test/check-diff.test.ts) and the proc.p mutants (test/check-mutants.test.ts).
//
// Contract: `node dist/src/cli.js check MODEL --json [--max-depth N] [--trail FILE]` prints one
// JSON object on stdout and exits 0 (no errors), 1 (the model has an error) or 2 (bad input).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above this file holding package.json. */
export const repoRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root (package.json)');
    dir = up;
  }
  return dir;
})();

export const cliPath = join(repoRoot, 'dist', 'src', 'cli.js');

export { procPath, skipWithoutProcP } from './shared.js';

export interface CliRun {
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/src/cli.js ...args`; never rejects. A run past timeoutMs is killed. */
export function runCli(args: string[], timeoutMs: number, cwd = repoRoot): Promise<CliRun> {
  return new Promise((done) => {
    execFile(process.execPath, [cliPath, ...args], { cwd, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 << 20, encoding: 'utf8' },
      (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { code?: number | string; killed?: boolean; signal?: string | null }) | null;
        const code = e === null ? 0 : typeof e.code === 'number' ? e.code : null;
        done({ code, signal: e?.signal ?? null, timedOut: Boolean(e?.killed), stdout, stderr });
      });
  });
}

export interface CheckError {
  kind: string;
  message: string;
  line: number | null;
  trail: string | null;
  /** pan's "(at depth N)" for the error, not the trail's length. */
  depth: number;
}

/** The JSON object `check --json` prints. */
export interface CheckResult {
  model: string;
  errors: number;
  error: CheckError | null;
  statesStored: number;
  statesMatched: number;
  transitions: number;
  atomicSteps: number;
  depthReached: number;
  maxDepth: number;
  depthLimitHit: boolean;
  stateVectorBytes: number;
  memoryMB: number;
  elapsedSeconds: number;
  statesPerSecond: number;
  memoryLimitHit: boolean;
}

const numberFields = ['errors', 'statesStored', 'statesMatched', 'transitions', 'atomicSteps', 'depthReached', 'maxDepth',
  'stateVectorBytes', 'memoryMB', 'elapsedSeconds', 'statesPerSecond'] as const;
const booleanFields = ['depthLimitHit', 'memoryLimitHit'] as const;

/** Checks the shape of the JSON object against the contract; returns the problems found. */
export function contractProblems(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['not a JSON object'];
  const v = value as Record<string, unknown>;
  if (typeof v.model !== 'string') problems.push('model is not a string');
  for (const f of numberFields) if (typeof v[f] !== 'number' || !Number.isFinite(v[f])) problems.push(`${f} is not a finite number`);
  for (const f of booleanFields) if (typeof v[f] !== 'boolean') problems.push(`${f} is not a boolean`);
  if (v.error !== null) {
    const e = v.error as Record<string, unknown> | undefined;
    if (typeof e !== 'object' || e === null) problems.push('error is neither null nor an object');
    else {
      if (typeof e.kind !== 'string') problems.push('error.kind is not a string');
      if (typeof e.message !== 'string') problems.push('error.message is not a string');
      if (e.line !== null && typeof e.line !== 'number') problems.push('error.line is neither null nor a number');
      if (e.trail !== null && typeof e.trail !== 'string') problems.push('error.trail is neither null nor a string');
      if (!Number.isInteger(e.depth) || (e.depth as number) < -1) problems.push('error.depth is not an integer from -1 up');
    }
  }
  return problems;
}

export interface CheckRun extends CliRun {
  result: CheckResult | null;
  /** Why stdout was not one contract-shaped JSON object, or null. */
  parseProblem: string | null;
}

export interface CheckOptions {
  maxDepth?: number;
  trail?: string;
  timeoutMs: number;
}

/** Runs `check MODEL --json` and parses its stdout. */
export async function runCheck(model: string, opts: CheckOptions): Promise<CheckRun> {
  const args = ['check', model, '--json'];
  if (opts.maxDepth !== undefined) args.push('--max-depth', String(opts.maxDepth));
  if (opts.trail !== undefined) args.push('--trail', opts.trail);
  const run = await runCli(args, opts.timeoutMs);
  let result: CheckResult | null = null;
  let parseProblem: string | null = null;
  try {
    const parsed: unknown = JSON.parse(run.stdout);
    const problems = contractProblems(parsed);
    if (problems.length > 0) parseProblem = problems.join('; ');
    else result = parsed as CheckResult;
  } catch (err) {
    parseProblem = `stdout is not one JSON object (${(err as Error).message})`;
  }
  return { ...run, result, parseProblem };
}

/** One line describing a run, for assertion messages. */
export function describeRun(run: CliRun): string {
  const clip = (s: string) => (s.length > 1500 ? `${s.slice(0, 1500)}...` : s);
  return `exit ${run.code}${run.signal ? ` signal ${run.signal}` : ''}${run.timedOut ? ' (timed out)' : ''}\nstdout: ${clip(run.stdout)}\nstderr: ${clip(run.stderr)}`;
}

/** SPIN's figures for a model, as models/spin/regen.mjs wrote them. */
export interface SpinExpected {
  command: string;
  spinVersion: string;
  errors: number;
  errorKind: null | 'assertion' | 'invalid-end-state' | 'too-many-processes' | 'rv-attempt-in-d_step' | 'trace' | 'notrace' | 'trace-nondeterminism';
  statesStored: number;
  statesMatched: number;
  transitions: number;
  atomicSteps: number;
  depthReached: number;
  depthLimitHit: boolean;
  maxDepth: number;
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** A mutant of proc.p: models/mutants/NAME.json. */
export interface Mutant {
  description: string;
  replace: { find: string; with: string }[];
  spin: {
    command: string; errors: number; errorKind: 'assertion' | 'invalid-end-state'; violation: string; failedLine: number | null;
    statesStored: number; statesMatched: number; transitions: number; depthReached: number;
  };
}

/** Applies a mutant's replacements; each find must occur exactly once in the source. */
export function applyMutant(source: string, mutant: Pick<Mutant, 'replace'>): string {
  let text = source;
  for (const { find, with: replacement } of mutant.replace) {
    const first = text.indexOf(find);
    if (first < 0) throw new Error(`mutant text not found in proc.p: ${JSON.stringify(find)}`);
    if (text.indexOf(find, first + 1) >= 0) throw new Error(`mutant text occurs more than once in proc.p: ${JSON.stringify(find)}`);
    text = text.slice(0, first) + replacement + text.slice(first + find.length);
  }
  return text;
}

/** Checks one model and compares the verdict and counts with SPIN's; the trail goes to `scratch`. */
export async function compareWithSpin(scratch: string, name: string, model: string, expected: SpinExpected, timeoutMs: number): Promise<void> {
  const trail = join(scratch, `${name}.trail`);
  const run = await runCheck(model, { maxDepth: expected.maxDepth, trail, timeoutMs });
  assert.ok(!run.timedOut, `${name}: the checker did not finish in ${timeoutMs} ms\n${describeRun(run)}`);
  assert.equal(run.parseProblem, null, `${name}: ${run.parseProblem}\n${describeRun(run)}`);
  const got = run.result!;

  // The verdict.
  assert.equal(run.code, expected.errors === 0 ? 0 : 1, `${name}: exit code\n${describeRun(run)}`);
  assert.equal(got.errors, expected.errors, `${name}: errors`);
  assert.equal(got.error?.kind ?? null, expected.errorKind, `${name}: error kind (${got.error?.message ?? 'no error'})`);
  assert.equal(got.maxDepth, expected.maxDepth, `${name}: maxDepth`);

  const counts = (r: SpinExpected | CheckResult) => ({
    statesStored: r.statesStored,
    statesMatched: r.statesMatched,
    transitions: r.transitions,
    atomicSteps: r.atomicSteps,
    depthReached: r.depthReached,
    depthLimitHit: r.depthLimitHit,
  });
  if (expected.errors === 0) {
    // With -o1 -o2 -o3 and -DNOREDUCE the full search's counts depend only on the semantics.
    assert.deepEqual(counts(got), counts(expected), `${name}: counts differ from SPIN's`);
    assert.equal(got.transitions, got.statesStored + got.statesMatched, `${name}: transitions = stored + matched`);
  } else {
    // An error stops the search, so the counts at the first error depend on the search
    // order too. The checker explores in SPIN's order (depth first, processes and options in
    // pan's order), so they are compared as well.
    assert.ok(existsSync(trail), `${name}: no trail written to ${trail}`);
    assert.ok(got.error !== null && got.error.message.length > 0, `${name}: the error has a message`);
    assert.deepEqual(counts(got), counts(expected), `${name}: counts at the first error differ from SPIN's`);
  }
}
