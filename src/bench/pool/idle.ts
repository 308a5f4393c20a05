// `gosched bench pool --idle`: the resident memory of an idle thread. Each kind starts N
// threads in a child process of its own and waits until they are up and idle; the RSS the
// process gained, over N, is one thread's cost:
//   bare      a `new Worker` that loads one file and waits (bare-thread.ts), with the
//             resource limits gosched gives an M: the floor any Node worker thread pays;
//   gosched   a Runtime with minThreads = N (its threads are M's waiting for a row);
//   piscina,  minThreads = maxThreads = N, nothing run.
//   tinypool
// The bare row also reports its V8 heap after a full collection, which is where the floor
// comes from: Node's own bootstrap of a worker leaves about 4 MB of live objects in old
// space, so no Node worker thread can be under the 4 MB the issue aims at.

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { HeapSpace } from './bare-thread.js';

export const IDLE_KINDS = ['bare', 'gosched', 'piscina', 'tinypool'] as const;
export type IdleKind = (typeof IDLE_KINDS)[number];

export interface IdleRow {
  kind: IdleKind;
  threads: number;
  /** (RSS with the threads up and idle - RSS before) / threads, in MB (10^6 bytes). */
  perThreadMb: number;
  /** bare only: one thread's V8 heap after a full collection. */
  heap?: HeapSpace[];
}

const childJs = fileURLToPath(new URL('./idle-child.js', import.meta.url));

export function runIdleChild(kind: IdleKind, threads: number, timeoutMs: number): Promise<IdleRow> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [childJs, kind, String(threads)], { timeout: timeoutMs, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${kind} idle threads: ${err.killed ? `killed after ${timeoutMs} ms` : err.message}\n${stderr}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop()!) as IdleRow);
    });
  });
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(2);

export function formatIdle(rows: readonly IdleRow[]): string {
  const out = ['| threads of | idle threads | RSS per thread MB |', '|---|---:|---:|'];
  for (const r of rows) out.push(`| ${r.kind} | ${r.threads} | ${r.perThreadMb.toFixed(2)} |`);
  const heap = rows.find((r) => r.heap !== undefined)?.heap;
  if (heap !== undefined) {
    out.push('', "A bare worker's V8 heap after a full collection (MB):", '', '| space | live | committed |', '|---|---:|---:|');
    for (const s of heap) out.push(`| ${s.space} | ${mb(s.usedBytes)} | ${mb(s.physicalBytes)} |`);
    const live = heap.reduce((n, s) => n + s.usedBytes, 0);
    const committed = heap.reduce((n, s) => n + s.physicalBytes, 0);
    out.push(`| all | ${mb(live)} | ${mb(committed)} |`);
  }
  return out.join('\n') + '\n';
}
