// Runs the explorer's scenarios under both protocols and reports each search.

import type { Protocol } from '../sched/index.js';
import { loadInstrumented, schedDir } from './engine/load.js';
import { type SearchOptions, type SearchResult, formatSchedule, replay, search } from './engine/search.js';
import { type Scenario, worldFor } from './harness.js';
import { SCENARIOS } from './scenarios/index.js';

export interface ScenarioRun {
  scenario: string;
  protocol: Protocol;
  summary: string;
  covers: string;
  result: SearchResult;
  /** On a failure: the schedule as text, and the replayed steps (the last ones). */
  schedule?: string;
  trace?: string[];
}

export function findScenario(name: string): Scenario {
  const sc = SCENARIOS.find((x) => x.name === name);
  if (!sc) throw new RangeError(`no scenario '${name}' (there are: ${SCENARIOS.map((x) => x.name).join(', ')})`);
  return sc;
}

/** `report`: each search's progress line (every 10 s of a long one) and each run once done. */
export interface ExploreReport {
  progress?: (line: string) => void;
  done?: (run: ScenarioRun) => void;
}

export async function explore(scenarios: Scenario[], protocols: Protocol[], opts: Partial<SearchOptions>, dir = schedDir(), report: ExploreReport = {}): Promise<ScenarioRun[]> {
  const S = await loadInstrumented(dir);
  const runs: ScenarioRun[] = [];
  for (const sc of scenarios) {
    for (const protocol of protocols) {
      const make = worldFor(S, sc, protocol);
      const t0 = performance.now();
      const told = report.progress;
      const progress = told === undefined ? undefined : (executions: number, states: number) =>
        told(`${sc.name} (${protocol}): ${executions} executions, ${states} ${opts.hashing === false ? 'steps' : 'distinct states'} so far, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      const result = search(make, { ...opts, progress });
      const run: ScenarioRun = { scenario: sc.name, protocol, summary: sc.summary, covers: sc.covers, result };
      if (result.failure) {
        run.schedule = formatSchedule(result.failure.schedule);
        run.trace = replay(make, result.failure.schedule).trace;
      }
      runs.push(run);
      report.done?.(run);
    }
  }
  return runs;
}

/** Replays one schedule of a scenario: every step, and how it ends. */
export async function replaySchedule(sc: Scenario, protocol: Protocol, schedule: number[], dir = schedDir()): Promise<{ trace: string[]; failure: string | null; fits: boolean }> {
  const S = await loadInstrumented(dir);
  return replay(worldFor(S, sc, protocol), schedule);
}

export function formatRun(r: ScenarioRun, traceLines = 40): string {
  const x = r.result;
  const states = x.hashing ? `${x.states} distinct states, ${x.pruned} cut at a known state` : `${x.states} steps (no state hashing)`;
  const head = `${r.scenario} (${r.protocol}): ${x.executions} executions, ${states}, ` +
    `longest ${x.maxDepth} steps, ${(x.ms / 1000).toFixed(2)} s${x.complete ? '' : ' (cut by --max-executions)'}`;
  if (!x.failure) return `${head}: ok`;
  const lines = [`${head}: FAILED after ${x.executions} schedules`, `  ${x.failure.kind}: ${x.failure.message}`, `  schedule: ${r.schedule}`];
  if (r.trace) {
    const t = r.trace.slice(-traceLines);
    lines.push(`  last ${t.length} of ${r.trace.length} steps:`, ...t.map((l) => `    ${l}`));
  }
  return lines.join('\n');
}
