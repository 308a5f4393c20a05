// Starting a worker thread with the owner's Node options, minus those a thread cannot take.
//
// A thread inherits the owner's execArgv unless told otherwise. Two kinds must go: the
// options that describe the owner's own entry point (`-e`, `--input-type`: Node refuses
// `--input-type` outside --eval, so a Runtime started from `node --input-type=module -e`
// could start no thread), and per-process options Node will not give a thread
// (`--expose-gc` and the like), which Node names only when the Worker is created.

import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Options of the owning process that a worker thread must not inherit: they describe
 * the owner's own entry point (`--input-type` is refused outside --eval). */
export function workerExecArgv(execArgv: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const a = execArgv[i]!;
    if (a === '--input-type' || a === '-e' || a === '--eval' || a === '-p' || a === '--print') {
      i++; // and its value
      continue;
    }
    if (a.startsWith('--input-type=') || a.startsWith('--eval=') || a.startsWith('--print=') || a === '-i' || a === '--interactive') continue;
    out.push(a);
  }
  return out;
}

/** The execArgv to give threads: undefined (inherit, and let Node drop what a thread
 * cannot take) when nothing of the entry point must go, else the filtered list. */
export function threadExecArgv(): string[] | undefined {
  const argv = workerExecArgv();
  return argv.length === process.execArgv.length ? undefined : argv;
}

/**
 * new Worker(url, options) with `execArgv`; an explicit list is checked by Node, unlike the
 * inherited one, so the per-process options it names are dropped and the start retried.
 * Returns the worker and the execArgv to use from now on.
 */
export function startWorker(url: URL, options: WorkerOptions, execArgv: string[] | undefined): { worker: Worker; execArgv: string[] | undefined } {
  try {
    return { worker: new Worker(url, { ...options, execArgv }), execArgv };
  } catch (err) {
    const bad = (err as { code?: string }).code === 'ERR_WORKER_INVALID_EXEC_ARGV' && /flags: (.*)$/.exec((err as Error).message)?.[1];
    if (!bad || execArgv === undefined) throw err;
    const drop = new Set(bad.split(/,\s*/));
    const kept = execArgv.filter((a) => !drop.has(a));
    return { worker: new Worker(url, { ...options, execArgv: kept }), execArgv: kept };
  }
}
