// `gosched stress`: the scheduler under load on real threads, then an exact audit of
// its counters and of the paths it reached. Worker goroutines (each on its own M) mix
// system calls of every length, gosched, park/ready and short-lived goroutines, while
// two controller goroutines stop and start the world and move GOMAXPROCS between phases
// with spare cpus and phases with a full run queue, the owning thread changes GOMAXPROCS
// from outside any goroutine, and a sampler thread checks the commit's two monitor
// invariants and the protocol's purpose (purpose.ts).

import { Worker } from 'node:worker_threads';
import {
  G_M, G_READYONSTOP, G_STATUS, G_STATUS_NAMES, type Protocol, S_PANICS, type SchedCounters, pathCounts,
} from '../sched/index.js';
import { Runtime } from '../runtime/runtime.js';
import { MAX_ALIVE } from './bodies.js';
import { type PathReport, pathReport } from './paths.js';
import type { SamplerResult } from './sampler.js';
import {
  CONTROLLERS, MAX_STRESS_THREADS, U_ABORT, SLOT_G, SLOT_PARK, SLOT_SEQ, slot, U_BLOCKING, U_FINISHED, U_PARKS, U_PROCS_CHANGES, U_PROFILE_CHANGES,
  U_PROGRESS, U_READIES, U_SPAWNED, U_STOPPED_WORLD_BAD, U_STOP_SAMPLING, U_STW, U_SYSCALLS, U_TIME_UP,
} from './words.js';

export interface StressOptions {
  protocol: Protocol;
  /** Worker goroutines (each on its own thread). */
  threads: number;
  /** How long the workers keep going, in seconds. */
  seconds?: number;
  /** Operations each worker does at least, however soon the time is up. */
  minOps?: number;
  /** Seconds without progress after which the watchdog ends the run. */
  stallSeconds?: number;
  /** Seed of every goroutine's random choices. */
  seed?: number;
  /** Called with a line of progress now and then. */
  progress?: (line: string) => void;
}

export interface StressReport {
  ok: boolean;
  protocol: Protocol;
  threads: number;
  seconds: number;
  seed: number;
  operations: number;
  syscalls: number;
  blockingSyscalls: number;
  parks: number;
  readies: number;
  spawned: number;
  stopTheWorlds: number;
  gomaxprocsChanges: number;
  profileChanges: number;
  /** Goroutines the controller found running (Grunning) while it had the world stopped. */
  stoppedWorldViolations: number;
  invariantSamples: number;
  invariantSamplesSkipped: number;
  invariantViolations: { waitingWithProcsFree: number; waitstopAfterStop: number; total: number };
  /** The purpose check: consistent snapshots of the goroutines' stints (purpose.ts). */
  purpose: { samples: number; skipped: number; violations: number; worst: string | null };
  paths: PathReport;
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
/** Controller rounds per GOMAXPROCS phase (spare cpus, then a full run queue, ...). */
const PHASE_ROUNDS = 8;
/** How often the owning thread changes GOMAXPROCS from outside any goroutine. */
const OUTSIDE_PROCS_MS = 150;

export async function runStress(opts: StressOptions): Promise<StressReport> {
  const { protocol, threads } = opts;
  if (!Number.isInteger(threads) || threads < 1 || threads > MAX_STRESS_THREADS) {
    throw new RangeError(`threads must be an integer from 1 to ${MAX_STRESS_THREADS}, got ${threads}`);
  }
  const seconds = opts.seconds ?? 3;
  if (!(seconds > 0)) throw new RangeError(`seconds must be positive, got ${seconds}`);
  const minOps = opts.minOps ?? 0;
  const seed = opts.seed ?? 1;
  const stallMs = (opts.stallSeconds ?? 5) * 1000;
  const started = performance.now();

  const goroutines = threads + CONTROLLERS + MAX_ALIVE;
  // An M whose goroutine ended is not idle until it reaches nextgandunlock, nor is its G
  // row free until schedule retires it, and a goroutine started meanwhile needs a new
  // one of each: leave room for a few.
  const maxm = goroutines + 8;
  const rt = await Runtime.start({ protocol, gomaxprocs: threads, maxm, maxg: maxm });
  const u = rt.userWords;
  const sampler = new Worker(new URL('./sampler.js', import.meta.url), {
    workerData: { buffer: rt.sched.buffer, slots: threads + CONTROLLERS },
  });
  let samplerReady!: () => void;
  const ready = new Promise<void>((r) => { samplerReady = r; });
  const samplerDone = new Promise<SamplerResult>((resolve, reject) => {
    sampler.on('message', (msg: SamplerResult | 'ready') => (msg === 'ready' ? samplerReady() : resolve(msg)));
    sampler.once('error', reject);
  });
  // Sample from the first step on.
  await Promise.race([ready, samplerDone]);

  // The controllers first, so that they run while the workers do (they wait for them).
  const maxProcs = threads + CONTROLLERS;
  rt.go(bodies, 'stwController', [threads, seed, rt.sched.gBase, rt.sched.layout.maxg, maxProcs]);
  rt.go(bodies, 'procsController', [threads, seed, PHASE_ROUNDS]);
  for (let i = 0; i < threads; i++) rt.go(bodies, 'worker', [CONTROLLERS + i, threads, seed, minOps]);

  // The watchdog: the run must keep making progress, or it is reported stuck.
  let failure: string | null = null;
  let stuck: string[] | null = null;
  let last = -1;
  let lastMoved = performance.now();
  let lastPrinted = performance.now();
  let lastOutside = performance.now();
  let x = (seed * 2654435761) >>> 0 || 1;
  const finished = rt.wait().then(() => null, (err: Error) => err);
  for (;;) {
    const outcome = await Promise.race([finished, sleep(20).then(() => 'tick' as const)]);
    if (outcome !== 'tick') {
      if (outcome !== null) failure = outcome.message;
      break;
    }
    const now = performance.now();
    // A goroutine that panicked has ended: end the others, so that wait() reports it.
    if (Atomics.load(rt.sched.mem, S_PANICS) > 0) Atomics.store(u, U_ABORT, 1);
    if (now - started > seconds * 1000) Atomics.store(u, U_TIME_UP, 1);
    else if (now - lastOutside > OUTSIDE_PROCS_MS) {
      // A third controller: GOMAXPROCS from a thread that is not an M (it holds no cpu).
      lastOutside = now;
      x ^= x << 13; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
      try {
        rt.gomaxprocs(1 + (x % maxProcs));
        Atomics.add(u, U_PROCS_CHANGES, 1);
      } catch (err) {
        failure = (err as Error).message;
        break;
      }
    }
    const p = Atomics.load(u, U_PROGRESS);
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
      opts.progress(`${protocol}: ${p} operations, ${Atomics.load(u, U_SYSCALLS)} syscalls counted so far, ${Atomics.load(u, U_STW)} stop-the-worlds`);
    }
  }

  // Let the M that ran the last goroutine reach the idle list before the audit.
  if (failure === null) await quiescent(rt, 2000);
  Atomics.store(u, U_STOP_SAMPLING, 1);
  const samples = await Promise.race([samplerDone, sleep(5000).then(() => null)]);
  await sampler.terminate();
  const counters = await settledCounters(rt);
  const syscalls = Atomics.load(u, U_SYSCALLS);
  const paths = pathReport(protocol, pathCounts(rt.sched), syscalls);
  await rt.close();

  const expected: Partial<SchedCounters> = {
    // An M whose thread never came (its g was taken by another M) is idle too.
    mcpu: 0, waitstop: 0, gwaiting: 0, gwait: 0, gcount: 0, grunning: 0, mwait: counters.mcount - counters.mfresh, lock: 0,
    gcwaiting: 0, mcpumax: counters.gomaxprocs,
  };
  const mismatches = Object.entries(expected)
    .filter(([k, v]) => counters[k as keyof SchedCounters] !== v)
    .map(([k, v]) => `${k} is ${counters[k as keyof SchedCounters]}, expected ${v}`);
  // An M whose goroutine ended may pick up a goroutine not yet started, so fewer M's
  // than goroutines may be created (and newm throws past maxm).
  if (counters.mcount < 1 || counters.mcount > maxm) mismatches.push(`mcount is ${counters.mcount}, expected 1..${maxm}`);
  const v1 = samples?.waitingWithProcsFree ?? 0;
  const v2 = samples?.waitstopAfterStop ?? 0;
  if (samples === null && failure === null) failure = 'the invariant sampler did not report';
  const report: StressReport = {
    ok: false,
    protocol,
    threads,
    seconds,
    seed,
    operations: Atomics.load(u, U_PROGRESS),
    syscalls,
    blockingSyscalls: Atomics.load(u, U_BLOCKING),
    parks: Atomics.load(u, U_PARKS),
    readies: Atomics.load(u, U_READIES),
    spawned: Atomics.load(u, U_SPAWNED),
    stopTheWorlds: Atomics.load(u, U_STW),
    gomaxprocsChanges: Atomics.load(u, U_PROCS_CHANGES),
    profileChanges: Atomics.load(u, U_PROFILE_CHANGES),
    stoppedWorldViolations: Atomics.load(u, U_STOPPED_WORLD_BAD),
    invariantSamples: samples?.samples ?? 0,
    invariantSamplesSkipped: samples?.skipped ?? 0,
    invariantViolations: { waitingWithProcsFree: v1, waitstopAfterStop: v2, total: v1 + v2 },
    purpose: samples?.purpose ?? { samples: 0, skipped: 0, violations: 0, worst: null },
    paths,
    counters,
    expected,
    countersOk: mismatches.length === 0,
    mismatches,
    elapsedSeconds: (performance.now() - started) / 1000,
    failure,
    stuck,
  };
  report.ok = failure === null && report.countersOk && report.invariantViolations.total === 0 &&
    report.stoppedWorldViolations === 0 && report.invariantSamples > 0 && report.purpose.samples > 0 &&
    report.purpose.violations === 0 && paths.missing.length === 0 && report.parks === report.readies &&
    Atomics.load(u, U_FINISHED) === threads;
  return report;
}

function describeStuck(rt: Runtime, workers: number): string[] {
  const lines = rt.describeThreads();
  const s = rt.sched;
  const u = rt.userWords;
  for (let k = 0; k < CONTROLLERS + workers; k++) {
    const g = k < CONTROLLERS ? -1 : u[slot(k, SLOT_G)]!;
    const status = g < 0 ? '' : ` g${g} ${G_STATUS_NAMES[s.mem[s.g(g, G_STATUS)]!]} readyonstop=${s.mem[s.g(g, G_READYONSTOP)]} m=${s.mem[s.g(g, G_M)]}`;
    lines.push(`slot ${k}: ${u[slot(k, SLOT_SEQ)]! & 1 ? 'running' : 'in the scheduler'}, park flag ${u[slot(k, SLOT_PARK)]}${status}`);
  }
  lines.push(`counters: ${JSON.stringify(rt.counters())}`);
  return lines;
}

/** The counters, read until two reads agree with nobody holding schedlock. They are read
 * one word at a time without schedlock, and a thread started late for a fresh M row (one
 * whose g another M took) may still enter the scheduler after quiescent: between its
 * mfresh-- and mwait++ the two words disagree with the audit's mwait = mcount - mfresh. */
async function settledCounters(rt: Runtime): Promise<SchedCounters> {
  let c = rt.counters();
  for (let i = 0; i < 200; i++) {
    // A referenced timer: the sampler is gone, and the Runtime holds the process only
    // while goroutines are outstanding.
    await new Promise((r) => setTimeout(r, 1));
    const again = rt.counters();
    if (again.lock === 0 && JSON.stringify(again) === JSON.stringify(c)) return again;
    c = again;
  }
  return c;
}

/** Waits until every M is on the idle list (or never got a thread) and nobody holds schedlock. */
async function quiescent(rt: Runtime, ms: number): Promise<void> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const c = rt.counters();
    if (c.mwait + c.mfresh === c.mcount && c.lock === 0) return;
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
  const pc = r.paths.counts;
  const names = Object.keys(pc);
  const pathLines: string[] = [];
  for (let i = 0; i < names.length; i += 3) {
    pathLines.push(names.slice(i, i + 3).map((n) => `${n} ${pc[n]}`.padEnd(30)).join(' ').trimEnd());
  }
  const lines = [
    `gosched stress: protocol ${r.protocol}, ${r.threads} workers + ${CONTROLLERS} controllers + the owner, ${r.seconds} s, seed ${r.seed}`,
    `  operations              ${r.operations} (${r.syscalls} system calls, ${r.blockingSyscalls} of them blocking; ${r.parks} parks, ${r.readies} readies; ${r.spawned} goroutines started on the way)`,
    `  stop-the-worlds         ${r.stopTheWorlds} (goroutines found running while stopped: ${r.stoppedWorldViolations})`,
    `  GOMAXPROCS changes      ${r.gomaxprocsChanges}; profiling-rate changes ${r.profileChanges}`,
    `  invariant samples       ${r.invariantSamples} taken while nobody held schedlock, ${r.invariantViolations.total} violated` +
      ` (g's waiting with procs free: ${r.invariantViolations.waitingWithProcsFree}; waitstop after stop: ${r.invariantViolations.waitstopAfterStop})`,
    `  purpose samples         ${r.purpose.samples} consistent snapshots, ${r.purpose.violations} with more goroutines running than mcpumax allows${r.purpose.worst ? ` (${r.purpose.worst})` : ''}`,
    `  paths reached           (fast paths derived: calls minus slow-path entries)`,
    ...pathLines.map((l) => `    ${l}`),
    `  paths never reached     ${r.paths.missing.length === 0 ? 'none' : r.paths.missing.join(', ')}` +
      ` (not required: ${r.paths.rare.join(', ')})`,
    `  counters                mcpu ${c.mcpu}${want('mcpu')}, mcpumax ${c.mcpumax}${want('mcpumax')}, waitstop ${c.waitstop}${want('waitstop')}, gwaiting ${c.gwaiting}${want('gwaiting')}`,
    `                          gwait ${c.gwait}${want('gwait')}, grunning ${c.grunning}${want('grunning')}, gcount ${c.gcount}${want('gcount')}, mwait ${c.mwait}${want('mwait')} of mcount ${c.mcount}${want('mcount')}, lock ${c.lock}${want('lock')}`,
    `  elapsed                 ${r.elapsedSeconds.toFixed(2)} s`,
  ];
  if (r.parks !== r.readies) lines.push(`  FAILURE: ${r.parks} parks but ${r.readies} readies`);
  // Not a fault of the scheduler as the others are: a run too short for the machine's load.
  const n = r.paths.missing.length;
  if (n > 0 && r.failure === null) lines.push(`  FAILURE: ${n} required path${n > 1 ? 's' : ''} never reached (${r.paths.missing.join(', ')}): give the run more --seconds or --pairs`);
  if (r.failure) lines.push(`  FAILURE: ${r.failure}`);
  if (r.stuck) lines.push(...r.stuck.map((l) => `    ${l}`));
  lines.push(r.ok ? 'PASS' : 'FAIL');
  return lines.join('\n');
}
