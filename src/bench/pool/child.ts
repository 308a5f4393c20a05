// One pool on one workload of `gosched bench pool`, alone in this process (so that its
// thread starts are cold and its peak RSS is its own). Prints one JSON line on stdout.
//
//   node child.js POOL WORKLOAD ITERS_PER_MS WARM_BATCHES
//
// cold: wall time of the first batch, from creating the pool (threads start inside it);
// warm: the later batches, each timed from the first task submitted to the last finished.

import { availableParallelism } from 'node:os';
import { Runtime } from '../../runtime/runtime.js';
import { type TaskSpec, WORKLOADS } from './work.js';

export type PoolName = 'gosched' | 'piscina' | 'tinypool';
export const POOLS: readonly PoolName[] = ['gosched', 'piscina', 'tinypool'];

export interface ChildResult {
  pool: PoolName;
  workload: string;
  coldMs: number;
  warmMs: number[];
  /** CPU seconds (user + system, all threads) of each warm batch. */
  warmCpuS: number[];
  peakRssMb: number;
  /** The most threads the pool had at once (sampled after submitting and after each batch). */
  threads: number;
}

/** A pool ready to run a batch; `threads()`: its thread count now. */
interface Runner {
  batch(tasks: TaskSpec[]): Promise<void>;
  threads(): number;
  close(): Promise<void>;
}

let maxThreads = 0;
function sample(n: number): void {
  maxThreads = Math.max(maxThreads, n);
}

const taskWorker = new URL('./task-worker.js', import.meta.url).href;
const goroutines = new URL('./goroutines.js', import.meta.url).href;

/** piscina and tinypool have the same task interface: run(task) per task, a threads
 * array, destroy(). */
interface TaskPool {
  run(task: TaskSpec): Promise<unknown>;
  readonly threads: readonly unknown[];
  destroy(): Promise<void>;
}

function taskPool(p: TaskPool): Runner {
  return {
    async batch(tasks) {
      const done = Promise.all(tasks.map((t) => p.run(t)));
      sample(p.threads.length);
      await done;
    },
    threads: () => p.threads.length,
    close: () => p.destroy(),
  };
}

async function makeRunner(pool: PoolName): Promise<Runner> {
  switch (pool) {
    case 'gosched': {
      const rt = await Runtime.start({ protocol: 'atomic', gomaxprocs: availableParallelism() });
      return {
        async batch(tasks) {
          for (const t of tasks) rt.go(goroutines, 'task', [t.blockMs, t.iters]);
          await rt.wait();
        },
        threads: () => rt.startedThreads,
        close: () => rt.close(),
      };
    }
    case 'piscina': {
      const { Piscina } = await import('piscina');
      const p = new Piscina({ filename: taskWorker });
      return taskPool(p);
    }
    case 'tinypool': {
      const { Tinypool } = await import('tinypool');
      const p = new Tinypool({ filename: taskWorker });
      return taskPool(p);
    }
  }
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
}

export async function runChild(pool: PoolName, key: string, itersPerMs: number, warmBatches: number): Promise<ChildResult> {
  const w = WORKLOADS.find((x) => x.key === key);
  if (w === undefined) throw new Error(`no workload '${key}'`);
  const tasks: TaskSpec[] = Array.from({ length: w.tasks }, () => ({ blockMs: w.blockMs, iters: Math.round(w.computeMs * itersPerMs) }));
  // The pool's own modules are loaded before the clock starts, for every pool alike.
  if (pool === 'piscina') await import('piscina');
  if (pool === 'tinypool') await import('tinypool');
  const t0 = performance.now();
  const runner = await makeRunner(pool);
  await runner.batch(tasks);
  const coldMs = performance.now() - t0;
  sample(runner.threads());
  const warmMs: number[] = [];
  const warmCpuS: number[] = [];
  for (let i = 0; i < warmBatches; i++) {
    const c0 = process.cpuUsage();
    const b0 = performance.now();
    await runner.batch(tasks);
    warmMs.push(performance.now() - b0);
    sample(runner.threads());
    warmCpuS.push(cpuSeconds(c0));
  }
  sample(runner.threads());
  const threads = maxThreads;
  await runner.close();
  return { pool, workload: key, coldMs, warmMs, warmCpuS, peakRssMb: process.resourceUsage().maxRSS / 1024, threads };
}

// Run as a script: node child.js POOL WORKLOAD ITERS_PER_MS WARM_BATCHES
if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const [pool, key, iters, warm] = process.argv.slice(2);
  if (!POOLS.includes(pool as PoolName)) throw new Error(`pool must be one of ${POOLS.join(', ')}, got '${pool}'`);
  runChild(pool as PoolName, key ?? '', Number(iters), Number(warm)).then(
    (r) => process.stdout.write(JSON.stringify(r) + '\n'),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
      process.exitCode = 4;
    },
  );
}
