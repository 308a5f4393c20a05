// run(main): a Go program from ordinary Node code. Starts a Runtime, runs `main` as the
// main goroutine, and resolves with its return value once it returns, as a Go program
// ends when main does (goroutines still running are stopped). The first goroutine
// panic, a deadlock or another fatal error ends the program instead: the promise rejects
// with the GoroutinePanic or SchedulerError, and every thread is stopped; so does a
// goroutine's process.exit(status) (Go's os.Exit), with a ProgramExit.

import { GoroutinePanic, ProgramExit, Runtime, type RuntimeOptions } from './runtime.js';
import { checkUrl, type ModuleUrl } from './url.js';
import { exportCheck } from './export-check.js';
import { maxgomaxprocs } from '../sched/index.js';
import { locate } from './gofn.js';
import { refuseWhileImportingGoroutineCode } from './goroutine-import.js';
import { checkRuntimeOptions } from './options.js';
import { DISCARD_VALUE } from './abort.js';
import { showValue } from './show-value.js';
import { syntaxErrorPlace } from './syntax-place.js';

export interface RunOptions extends Partial<RuntimeOptions> {
  /** @internal gosched run: main's return value is not copied back (GoOptions). */
  [DISCARD_VALUE]?: boolean;
  /** Arguments passed to main. Default none. */
  args?: unknown[] | undefined;
}

/**
 * run(main) with main an exported function of the calling module, or run(url, name =
 * 'main'). GOMAXPROCS defaults to $GOMAXPROCS, else 1 (the commit's default); the
 * protocol to 'atomic' (the commit's), as Runtime.start's does.
 */
// Overloads, as the code takes it: with one signature `run(main, 'main')` compiled, and
// threw at the call (`options must be an object ..., got the string "main"`).
export function run<T = unknown>(main: (...args: any[]) => T | Promise<T>, opts?: RunOptions): Promise<Awaited<T>>;
export function run<T = unknown>(url: ModuleUrl, name?: string, opts?: RunOptions): Promise<Awaited<T>>;
export function run<T = unknown>(url: ModuleUrl, opts?: RunOptions): Promise<Awaited<T>>;
export async function run<T = unknown>(main: ModuleUrl | ((...args: any[]) => T | Promise<T>), nameOrOpts?: string | RunOptions, maybeOpts?: RunOptions): Promise<Awaited<T>> {
  let url: string;
  let name: string;
  let opts: RunOptions;
  refuseWhileImportingGoroutineCode('run');
  if (typeof main === 'function') {
    opts = (nameOrOpts as RunOptions | undefined) ?? {};
    ({ url, name } = locate(main, 'run'));
    checkRuntimeOptions(opts, 'run', { extra: ['args'] });
  } else {
    url = checkUrl(main, 'run');
    if (nameOrOpts !== undefined && nameOrOpts !== null && typeof nameOrOpts !== 'string' && typeof nameOrOpts !== 'object') {
      throw new TypeError(`run: the second argument must be the name of an exported function or an options object, got ${showValue(nameOrOpts)}`);
    }
    if (nameOrOpts === '') throw new TypeError(`run: the name of the exported function to run is empty (omit it to run main)`);
    name = typeof nameOrOpts === 'string' ? nameOrOpts : 'main';
    opts = (typeof nameOrOpts === 'object' ? nameOrOpts : maybeOpts) ?? {};
    checkRuntimeOptions(opts, 'run', { extra: ['args'] });
    let mod: Record<string, unknown>;
    try {
      mod = (await import(url)) as Record<string, unknown>;
    } catch (err) {
      throw new Error(`run: cannot load ${url}: ${(err as Error).message}${syntaxErrorPlace(err, url)}`);
    }
    if (typeof mod[name] !== 'function') throw new TypeError(`run: ${url} has no exported function '${name}'`);
    // Known here already: Runtime.go need not ask its loader thread.
    exportCheck.remember(url, mod);
  }
  const { args = [], [DISCARD_VALUE]: discardValue, ...rest } = opts;
  if (!Array.isArray(args)) throw new TypeError(`run(${name}): args must be an array of ${name}'s arguments, got ${showValue(args)}`);
  const rt = await Runtime.start({ ...rest, gomaxprocs: opts.gomaxprocs ?? gomaxprocsFromEnv() });
  try {
    const ended = new Promise<never>((_, reject) => {
      rt.onPanic = (p: GoroutinePanic) => reject(p);
      rt.onExit = (e: ProgramExit) => reject(e);
    });
    const h = rt.go<Awaited<T>>(url, name, args, { [DISCARD_VALUE]: discardValue === true });
    const result = h.result;
    rt.seal();
    return await Promise.race([result, ended]);
  } finally {
    await rt.close();
  }
}

/** $GOMAXPROCS: unset or empty, 1 (the commit's default); a positive integer (decimal
 * digits) up to maxgomaxprocs, that; anything else an error (where the commit's schedinit would ignore a
 * value atoi does not read as positive, and clamp one above the maximum). */
export function gomaxprocsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const v = env.GOMAXPROCS;
  if (v === undefined || v === '') return 1;
  const n = Number(v);
  // The commit's schedinit would clamp it; a setting that cannot take effect is refused
  // instead, so that nobody believes they run with it.
  const tooLarge = Number.isInteger(n) && n > maxgomaxprocs;
  // Decimal digits only, as Go's atoi reads it: Number() would also take ' 2', '0x2',
  // '+2' and '2e0', which Go ignores (it runs with its default instead).
  if (!tooLarge && (!/^[0-9]+$/.test(v) || n < 1)) throw new RangeError(`GOMAXPROCS=${v}: must be a positive integer`);
  if (tooLarge) throw new RangeError(`GOMAXPROCS=${v}: at most ${maxgomaxprocs} (mcpumax's 15 bits in the scheduler's word)`);
  return n;
}

