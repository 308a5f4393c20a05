// Mutation testing: each mutant applied to a copy of the built dist/src, then the
// explorer (in this process, on the copy's src/sched) and the stress (a child process
// running the copy's own CLI, so its worker threads load the mutated scheduler) run on
// it. A mutant is caught under a protocol when either check fails there.

import { execFile } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Protocol } from '../sched/index.js';
import { explore } from '../explore/run.js';
import { NeedsDevInstall } from '../explore/engine/load.js';
import { SCENARIOS } from '../explore/scenarios/index.js';
import type { Mutant } from './catalogue.js';
import { removeScratch, scratchDir } from '../scratch.js';

export interface MutantOptions {
  /** Stress runs per protocol (each a fresh `gosched stress`). 0: no stress. */
  stressRuns: number;
  stressSeconds: number;
  /** The explorer's preemption bound; -1: no explorer. */
  preemptions: number;
  progress?: (line: string) => void;
}

export interface ExploreVerdict {
  caught: boolean;
  /** The first scenario that failed, and the schedules its search ran until then. */
  scenario?: string;
  schedules?: number;
  failure?: string;
  /** Executions over all scenarios run. */
  executions: number;
  seconds: number;
}

export interface StressVerdict {
  runs: number;
  /** Runs that failed a check other than "a required path was never reached". */
  caughtRuns: number;
  /** Runs whose only failure was a path never reached: timing-dependent on a loaded
   * machine, so not counted as a catch. */
  pathOnlyRuns: number;
  /** Why the first failing run failed. */
  reason?: string;
  seconds: number;
}

export interface MutantResult {
  id: string;
  protocol: Protocol;
  stands: string;
  explore?: ExploreVerdict;
  stress?: StressVerdict;
  caught: boolean;
}

const srcRoot = fileURLToPath(new URL('../', import.meta.url)); // dist/src/
const repoRoot = path.resolve(srcRoot, '..', '..');

/** A copy of dist/src with the mutant applied; returns its directory (remove it after). */
export function mutatedCopy(m: Mutant): string {
  const dir = scratchDir(`gosched-mutant-${m.id}-`);
  cpSync(srcRoot, path.join(dir, 'src'), { recursive: true, filter: (p) => !p.endsWith('.map') });
  writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n');
  // The explorer imports typescript: resolve it from the repository's node_modules.
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const file = path.join(dir, 'src', 'sched', m.file);
  const text = readFileSync(file, 'utf8');
  const n = text.split(m.find).length - 1;
  if (n !== 1) {
    removeScratch(dir);
    throw new Error(`mutant ${m.id}: its text occurs ${n} times in ${m.file} (must be once; the build changed?)`);
  }
  writeFileSync(file, text.replace(m.find, m.replace));
  return dir;
}

export function protocolsOf(m: Mutant): Protocol[] {
  return m.protocol === 'both' ? ['lock', 'atomic'] : [m.protocol];
}

export async function runMutant(m: Mutant, opts: MutantOptions): Promise<MutantResult[]> {
  const dir = mutatedCopy(m);
  try {
    const out: MutantResult[] = [];
    for (const protocol of protocolsOf(m)) {
      const r: MutantResult = { id: m.id, protocol, stands: m.stands, caught: false };
      if (opts.preemptions >= 0) r.explore = await exploreVerdict(dir, protocol, opts.preemptions);
      if (opts.stressRuns > 0) r.stress = await stressVerdict(dir, protocol, opts);
      r.caught = (r.explore?.caught ?? false) || (r.stress !== undefined && r.stress.caughtRuns > 0);
      opts.progress?.(formatResult(r));
      out.push(r);
    }
    return out;
  } finally {
    removeScratch(dir);
  }
}

async function exploreVerdict(dir: string, protocol: Protocol, preemptions: number): Promise<ExploreVerdict> {
  const t0 = performance.now();
  const v: ExploreVerdict = { caught: false, executions: 0, seconds: 0 };
  try {
    for (const sc of SCENARIOS) {
      const [run] = await explore([sc], [protocol], { preemptionBound: preemptions }, path.join(dir, 'src', 'sched'));
      v.executions += run!.result.executions;
      if (run!.result.failure) {
        Object.assign(v, { caught: true, scenario: sc.name, schedules: run!.result.executions, failure: `${run!.result.failure.kind}: ${run!.result.failure.message}` });
        break;
      }
    }
  } catch (err) {
    // No typescript to instrument with says nothing of the mutant: not a catch.
    if (err instanceof NeedsDevInstall) throw err;
    // The mutated scheduler broke the explorer's own set-up: that is a catch too.
    Object.assign(v, { caught: true, scenario: '(set-up)', schedules: 0, failure: (err as Error).message });
  }
  v.seconds = (performance.now() - t0) / 1000;
  return v;
}

async function stressVerdict(dir: string, protocol: Protocol, opts: MutantOptions): Promise<StressVerdict> {
  const v: StressVerdict = { runs: opts.stressRuns, caughtRuns: 0, pathOnlyRuns: 0, seconds: 0 };
  const t0 = performance.now();
  for (let i = 0; i < opts.stressRuns; i++) {
    const reason = await stressOnce(dir, protocol, opts.stressSeconds, i + 1);
    if (reason === null) continue;
    if (/^paths never reached: [^;]*$/.test(reason)) {
      v.pathOnlyRuns++;
    } else {
      v.caughtRuns++;
      v.reason ??= reason;
    }
  }
  v.seconds = (performance.now() - t0) / 1000;
  return v;
}

/** The fields of `gosched stress --json` read here. */
interface StressDoc {
  ok: boolean;
  failure?: string | null;
  invariantViolations?: { total: number };
  purpose?: { violations: number };
  stoppedWorldViolations?: number;
  paths?: { missing: string[] };
  mismatches?: string[];
  parks?: number;
  readies?: number;
}

/** One stress run of the copy: null when it passed, else why it failed. */
function stressOnce(dir: string, protocol: Protocol, seconds: number, seed: number): Promise<string | null> {
  const cli = path.join(dir, 'src', 'cli.js');
  const args = [cli, 'stress', '--protocol', protocol, '--seconds', String(seconds), '--seed', String(seed), '--stall', '5', '--json'];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { timeout: (seconds + 60) * 1000, maxBuffer: 1 << 24 }, (err, stdout) => {
      let doc: StressDoc;
      try {
        doc = JSON.parse(stdout);
      } catch {
        resolve(err ? `stress did not finish (${err.message.split('\n')[0]})` : 'stress printed no report');
        return;
      }
      if (doc.ok) {
        resolve(null);
        return;
      }
      const reasons: string[] = [];
      if (doc.failure) reasons.push(String(doc.failure).split('\n')[0]!);
      if (doc.invariantViolations?.total) reasons.push(`invariants violated ${doc.invariantViolations.total} times`);
      if (doc.purpose?.violations) reasons.push(`purpose violated ${doc.purpose.violations} times`);
      if (doc.stoppedWorldViolations) reasons.push(`${doc.stoppedWorldViolations} goroutines running in a stopped world`);
      if (doc.paths?.missing?.length) reasons.push(`paths never reached: ${doc.paths.missing.join(', ')}`);
      if (doc.mismatches?.length) reasons.push(`counters: ${doc.mismatches.join(', ')}`);
      if (doc.parks !== doc.readies) reasons.push(`${doc.parks} parks, ${doc.readies} readies`);
      resolve(reasons.join('; ') || 'failed');
    });
  });
}

export function formatResult(r: MutantResult): string {
  const e = r.explore;
  const s = r.stress;
  const ex = e === undefined ? 'explorer not run' : e.caught
    ? `explorer: caught in ${e.scenario} after ${e.schedules} schedules (${e.seconds.toFixed(1)} s; ${e.failure})`
    : `explorer: not caught (${e.executions} schedules, ${e.seconds.toFixed(1)} s)`;
  const st = s === undefined ? 'stress not run' : s.caughtRuns > 0
    ? `stress: caught in ${s.caughtRuns} of ${s.runs} runs (${s.reason})`
    : `stress: passed ${s.runs - s.pathOnlyRuns} of ${s.runs} runs${s.pathOnlyRuns ? ` (${s.pathOnlyRuns} missed only a path)` : ''}`;
  return `${r.caught ? 'CAUGHT ' : 'MISSED '} ${r.id} (${r.protocol})\n    ${ex}\n    ${st}`;
}

export function caughtBy(r: MutantResult): string {
  const e = r.explore?.caught ?? false;
  const s = (r.stress?.caughtRuns ?? 0) > 0;
  return e && s ? 'both' : e ? 'explorer' : s ? 'stress' : 'none';
}
