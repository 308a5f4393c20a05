// One kind of idle thread for `gosched bench pool --idle` (idle.ts), alone in this process.
// Prints one JSON line (an IdleRow) on stdout.
//
//   node idle-child.js KIND THREADS

import { Worker } from 'node:worker_threads';
import { Runtime } from '../../runtime/runtime.js';
import { defaultResourceLimits } from '../../runtime/m-pool.js';
import type { HeapSpace } from './bare-thread.js';
import { IDLE_KINDS, type IdleKind, type IdleRow } from './idle.js';

/** Time for started threads to finish what they do after their first message (and for
 * the RSS to settle) before it is read. */
const SETTLE_MS = 1500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const bareThread = new URL('./bare-thread.js', import.meta.url);
const taskWorker = new URL('./task-worker.js', import.meta.url).href;

/** Starts `n` threads of `kind`; resolves once they are up, with the bare row's heap. */
async function startIdle(kind: IdleKind, n: number): Promise<{ heap?: HeapSpace[] }> {
  switch (kind) {
    case 'bare': {
      let heap: HeapSpace[] | undefined;
      await Promise.all(Array.from({ length: n }, (_, i) => new Promise<void>((resolve, reject) => {
        const w = new Worker(bareThread, { workerData: { heap: i === 0 }, resourceLimits: defaultResourceLimits });
        w.unref();
        w.once('error', reject);
        w.once('message', (m: HeapSpace[] | null) => {
          if (m !== null) heap = m;
          resolve();
        });
      })));
      return { heap };
    }
    case 'gosched':
      await Runtime.start({ minThreads: n, maxm: Math.max(64, n) });
      return {};
    case 'piscina': {
      const { Piscina } = await import('piscina');
      const p = new Piscina({ filename: taskWorker, minThreads: n, maxThreads: n });
      while (p.threads.length < n) await sleep(10);
      return {};
    }
    case 'tinypool': {
      const { Tinypool } = await import('tinypool');
      const p = new Tinypool({ filename: taskWorker, minThreads: n, maxThreads: n });
      while (p.threads.length < n) await sleep(10);
      return {};
    }
  }
}

export async function measureIdle(kind: IdleKind, n: number): Promise<IdleRow> {
  // Every module the kind needs is loaded before the first reading, so that only threads count.
  if (kind === 'piscina') await import('piscina');
  if (kind === 'tinypool') await import('tinypool');
  await sleep(200);
  const before = process.memoryUsage.rss();
  const { heap } = await startIdle(kind, n);
  await sleep(SETTLE_MS);
  const after = process.memoryUsage.rss();
  return { kind, threads: n, perThreadMb: (after - before) / n / 1e6, ...(heap !== undefined ? { heap } : {}) };
}

if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const [kind, n] = process.argv.slice(2);
  if (!IDLE_KINDS.includes(kind as IdleKind)) throw new Error(`kind must be one of ${IDLE_KINDS.join(', ')}, got '${kind}'`);
  measureIdle(kind as IdleKind, Number(n)).then(
    (r) => {
      process.stdout.write(JSON.stringify(r) + '\n');
      // The threads wait forever by design: end the process here.
      process.exit(0);
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
      process.exit(4);
    },
  );
}
