// `gosched stress`: the scheduler under load on real threads, then an exact audit of
// its counters. Threads worker goroutines (each on its own M) do entersyscall/
// exitsyscall pairs, calling the scheduler between batches, while a controller
// goroutine stops and starts the world and changes GOMAXPROCS between 1 and threads,
// and a sampler thread checks the commit's two monitor invariants.

import { Worker } from 'node:worker_threads';
import { type Protocol, type SchedCounters } from '../sched/index.js';
import { Runtime } from '../runtime/runtime.js';
import type { SamplerResult } from './sampler.js';
import {
  MAX_STRESS_THREADS, U_FINISHED, U_PROCS_CHANGES, U_PROGRESS, U_STOPPED_WORLD_BAD, U_STOP_SAMPLING, U_STW,
} from './words.js';

export interface StressOptions {
  protocol: Protocol;
  threads: number;
  pairs: number;
  /** Pairs between two calls of the scheduler. */
  batch?: number;
  /** Seconds without progress after which the watchdog ends the run. */
  stallSeconds?: number;
  /** Seed of the controller's GOMAXPROCS choices. */
  seed?: number;
  /** Called with a line of progress now and then. */
  progress?: (line: string) => void;
}

export interface StressReport {
  ok: boolean;
  protocol: Protocol;
  threads: number;
  pairsPerThread: number;
  pairsDone: number;
  pairsExpected: number;
  stopTheWorlds: number;
  gomaxprocsChanges: number;
  /** Goroutines the controller found running (Grunning) while it had the world stopped. */
  stoppedWorldViolations: number;
  invariantSamples: number;
  invariantSamplesSkipped: number;
  invariantViolations: { waitingWithProcsFree: number; waitstopAfterStop: number; total: number };
  counters: SchedCounters;
  expected: Partial<SchedCounters>;
  countersOk: boolean;
  mismatches: string[];
  elapsedSeconds: number;
  /** Set when the run failed before the audit: the watchdog's or the runtime's report. */
  failure: string | null;
  stuck: string[] | null;
}

const bodies = new URL('./bodies.js', import.meta.url).href;
/** Stop-the-worlds the controller does at least, however soon the workers finish. */
const MIN_CONTROLLER_ROUNDS = 20;

export async function runStress(opts: StressOptions): Promise<StressReport> {
  const { protocol, threads, pairs } = opts;
  if (!Number.isInteger(threads) || threads < 1 || threads > MAX_STRESS_THREADS) {
    throw new RangeError(`threads must be an integer from 1 to ${MAX_STRESS_THREADS}, got ${threads}`);
  }
  if (!Number.isInteger(pairs) || pairs < 1) throw new RangeError(`pairs must be a positive integer, got ${pairs}`);
  const batch = opts.batch ?? 1000;
  const stallMs = (opts.stallSeconds ?? 15) * 1000;
  const started = performance.now();

  const rt = await Runtime.start({ protocol, gomaxprocs: threads, maxm: threads + 2, maxg: threads + 2 });
  const u = rt.userWords;
  const sampler = new Worker(new URL('./sampler.js', import.meta.url), { workerData: { buffer: rt.sched.buffer } });
  let samplerReady!: () => void;
  const ready = new Promise<void>((r) => { samplerReady = r; });
  const samplerDone = new Promise<SamplerResult>((resolve, reject) => {
    sampler.on('message', (msg: SamplerResult | 'ready') => (msg === 'ready' ? samplerReady() : resolve(msg)));
    sampler.once('error', reject);
  });
  // Sample from the first step on.
  await Promise.race([ready, samplerDone]);

  // The controller first, so that it runs while the workers do (they wait for it).
  rt.go(bodies, 'controller', [threads, threads, opts.seed ?? 1, rt.sched.gBase, rt.sched.layout.maxg, MIN_CONTROLLER_ROUNDS]);
  for (let i = 0; i < threads; i++) rt.go(bodies, 'pairWorker', [i, pairs, batch]);

  const progressNow = () => {
    let p = Atomics.load(u, U_STW);
    for (let i = 0; i < threads; i++) p += Atomics.load(u, U_PROGRESS + i);
    return p;
  };

  // The watchdog: the run must keep making progress, or it is reported stuck.
  let failure: string | null = null;
  let stuck: string[] | null = null;
  let last = -1;
  let lastMoved = performance.now();
  let lastPrinted = performance.now();
  const finished = rt.wait().then(() => null, (err: Error) => err);
  for (;;) {
    const outcome = await Promise.race([finished, sleep(100).then(() => 'tick' as const)]);
    if (outcome !== 'tick') {
      if (outcome !== null) failure = outcome.message;
      break;
    }
    const p = progressNow();
    const now = performance.now();
    if (p !== last) {
      last = p;
      lastMoved = now;
    } else if (now - lastMoved > stallMs) {
      failure = `watchdog: no progress for ${(stallMs / 1000).toFixed(0)} s`;
      stuck = describeStuck(rt, threads);
      break;
    }
    if (opts.progress && now - lastPrinted > 1000) {
      lastPrinted = now;
      opts.progress(`${protocol}: ${done(u, threads)} of ${threads * pairs} pairs, ${Atomics.load(u, U_STW)} stop-the-worlds`);
    }
  }

  // Let the M that ran the last goroutine reach the idle list before the audit.
  if (failure === null) await quiescent(rt, 2000);
  Atomics.store(u, U_STOP_SAMPLING, 1);
  const samples = await Promise.race([samplerDone, sleep(5000).then(() => null)]);
  await sampler.terminate();
  const counters = rt.counters();
  await rt.close();

  const expected: Partial<SchedCounters> = {
    mcpu: 0, waitstop: 0, gwaiting: 0, gwait: 0, gcount: 0, grunning: 0, mwait: counters.mcount, lock: 0,
    gcwaiting: 0, mcpumax: counters.gomaxprocs,
  };
  const mismatches = Object.entries(expected)
    .filter(([k, v]) => counters[k as keyof SchedCounters] !== v)
    .map(([k, v]) => `${k} is ${counters[k as keyof SchedCounters]}, expected ${v}`);
  // An M whose goroutine ended may pick up a goroutine not yet started, so fewer M's
  // than goroutines may be created, never more.
  if (counters.mcount < 1 || counters.mcount > threads + 1) mismatches.push(`mcount is ${counters.mcount}, expected 1..${threads + 1}`);
  const pairsDone = done(u, threads);
  const v1 = samples?.waitingWithProcsFree ?? 0;
  const v2 = samples?.waitstopAfterStop ?? 0;
  if (samples === null && failure === null) failure = 'the invariant sampler did not report';
  const report: StressReport = {
    ok: false,
    protocol,
    threads,
    pairsPerThread: pairs,
    pairsDone,
    pairsExpected: threads * pairs,
    stopTheWorlds: Atomics.load(u, U_STW),
    gomaxprocsChanges: Atomics.load(u, U_PROCS_CHANGES),
    stoppedWorldViolations: Atomics.load(u, U_STOPPED_WORLD_BAD),
    invariantSamples: samples?.samples ?? 0,
    invariantSamplesSkipped: samples?.skipped ?? 0,
    invariantViolations: { waitingWithProcsFree: v1, waitstopAfterStop: v2, total: v1 + v2 },
    counters,
    expected,
    countersOk: mismatches.length === 0,
    mismatches,
    elapsedSeconds: (performance.now() - started) / 1000,
    failure,
    stuck,
  };
  report.ok = failure === null && report.countersOk && pairsDone === report.pairsExpected &&
    report.invariantViolations.total === 0 && report.stoppedWorldViolations === 0 && report.invariantSamples > 0 &&
    Atomics.load(u, U_FINISHED) === threads;
  return report;
}

function done(u: Int32Array, threads: number): number {
  let n = 0;
  for (let i = 0; i < threads; i++) n += Atomics.load(u, U_PROGRESS + i);
  return n;
}

function describeStuck(rt: Runtime, threads: number): string[] {
  const lines = rt.describeThreads();
  const c = rt.counters();
  lines.push(`counters: ${JSON.stringify(c)}`);
  const u = rt.userWords;
  for (let i = 0; i < threads; i++) lines.push(`worker ${i}: ${Atomics.load(u, U_PROGRESS + i)} pairs done`);
  return lines;
}

/** Waits until every M is on the idle list and nobody holds schedlock. */
async function quiescent(rt: Runtime, ms: number): Promise<void> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const c = rt.counters();
    if (c.mwait === c.mcount && c.lock === 0) return;
    await sleep(2);
  }
}

/** A timer that does not keep the process alive once the run is over. */
function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms).unref());
}

/** The report as the lines `gosched stress` prints. */
export function formatStress(r: StressReport): string {
  const c = r.counters;
  const want = (k: keyof SchedCounters) => (r.expected[k] === undefined ? '' : r.expected[k] === c[k] ? '' : ` (expected ${r.expected[k]})`);
  const lines = [
    `gosched stress: protocol ${r.protocol}, ${r.threads} worker goroutines + 1 controller, ${r.pairsPerThread} syscall pairs each`,
    `  pairs done              ${r.pairsDone} of ${r.pairsExpected}`,
    `  stop-the-worlds         ${r.stopTheWorlds} (goroutines found running while stopped: ${r.stoppedWorldViolations})`,
    `  GOMAXPROCS changes      ${r.gomaxprocsChanges}`,
    `  invariant samples       ${r.invariantSamples} taken while nobody held schedlock, ${r.invariantViolations.total} violated` +
      ` (g's waiting with procs free: ${r.invariantViolations.waitingWithProcsFree}; waitstop after stop: ${r.invariantViolations.waitstopAfterStop})`,
    `  counters                mcpu ${c.mcpu}${want('mcpu')}, mcpumax ${c.mcpumax}${want('mcpumax')}, waitstop ${c.waitstop}${want('waitstop')}, gwaiting ${c.gwaiting}${want('gwaiting')}`,
    `                          gwait ${c.gwait}${want('gwait')}, grunning ${c.grunning}${want('grunning')}, gcount ${c.gcount}${want('gcount')}, mwait ${c.mwait}${want('mwait')} of mcount ${c.mcount}${want('mcount')}, lock ${c.lock}${want('lock')}`,
    `  elapsed                 ${r.elapsedSeconds.toFixed(2)} s`,
  ];
  if (r.failure) lines.push(`  FAILURE: ${r.failure}`);
  if (r.stuck) lines.push(...r.stuck.map((l) => `    ${l}`));
  lines.push(r.ok ? 'PASS' : 'FAIL');
  return lines.join('\n');
}
