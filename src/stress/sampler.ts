// The invariant sampler: a thread (not an M) that samples the commit's two monitor
// invariants, as proc.p's monitor process does, and the protocol's purpose (purpose.ts),
// until told to stop.

import { parentPort, workerData } from 'node:worker_threads';
import { Sched, USER_WORDS, sampleInvariants } from '../sched/index.js';
import { samplePurpose, violatesPurpose } from './purpose.js';
import { U_STOP_SAMPLING } from './words.js';

export interface SamplerResult {
  samples: number;
  skipped: number;
  waitingWithProcsFree: number;
  waitstopAfterStop: number;
  purpose: { samples: number; skipped: number; violations: number; worst: string | null };
}

const s = Sched.attach(workerData.buffer as SharedArrayBuffer, { newosproc: () => { throw new Error('sampler is not an M'); } });
const slots = workerData.slots as number;
const u = new Int32Array(s.buffer, s.layout.userBase * 4, USER_WORDS);
const seq = new Int32Array(slots);
const nap = new Int32Array(new SharedArrayBuffer(4));
const r: SamplerResult = {
  samples: 0, skipped: 0, waitingWithProcsFree: 0, waitstopAfterStop: 0,
  purpose: { samples: 0, skipped: 0, violations: 0, worst: null },
};
parentPort!.postMessage('ready');

while (Atomics.load(u, U_STOP_SAMPLING) === 0) {
  for (let i = 0; i < 2000; i++) {
    const sample = sampleInvariants(s);
    if (sample === null) {
      r.skipped++;
    } else {
      r.samples++;
      if (sample.waitingWithProcsFree) r.waitingWithProcsFree++;
      if (sample.waitstopAfterStop) r.waitstopAfterStop++;
    }
    const p = samplePurpose(s, u, slots, seq);
    if (p === null) {
      r.purpose.skipped++;
      continue;
    }
    r.purpose.samples++;
    if (violatesPurpose(p)) {
      r.purpose.violations++;
      r.purpose.worst ??= `${p.running} running (${p.fresh} since the last lowering of mcpumax) with mcpumax ${p.mcpumax}`;
    }
  }
  // Leave the cores to the M's most of the time (CI has two).
  Atomics.wait(nap, 0, 0, 1);
}
parentPort!.postMessage(r);
