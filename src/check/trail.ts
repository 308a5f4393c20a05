// The trail file: the moves from the initial state to an error, one per line as
// `step:pid:transition`, like pan's .trail (whose third column is also a transition
// number). Lines starting with '#' are comments: a header naming the model and the error.
// With a never claim, the claim's moves are steps too, with pid -1; a liveness error's
// trail ends in a cycle, and the header line `# cycle: K` says it starts after step K
// (pan marks the same place, and spin -t prints <<<<<START OF CYCLE>>>>> there).
import { readFileSync, writeFileSync } from 'node:fs';
import { ModelError } from './errors.js';
import type { Step } from './search.js';

export function formatTrail(model: string, errorMessage: string, steps: Step[], cycleStart: number | null = null, claim: string | null = null): string {
  const lines = [`# gosched trail v1`, `# model: ${model}`, `# error: ${errorMessage}`];
  if (claim !== null) lines.push(`# claim: ${claim}`);
  if (cycleStart !== null) lines.push(`# cycle: ${cycleStart}`);
  steps.forEach((s, i) => lines.push(`${i + 1}:${s.pid}:${s.tid}`));
  return lines.join('\n') + '\n';
}

export function writeTrail(file: string, model: string, errorMessage: string, steps: Step[], cycleStart: number | null = null, claim: string | null = null): void {
  writeFileSync(file, formatTrail(model, errorMessage, steps, cycleStart, claim));
}

/** Which claim a trail was found with: `ltl NAME`, `non-progress`, `never` or null. */
export function trailClaim(text: string): string | null {
  return /^# claim: (.+?)\s*$/m.exec(text)?.[1] ?? null;
}

/** The step after which a trail's cycle starts (its `# cycle: K` line), or null. */
export function trailCycleStart(text: string): number | null {
  const m = /^# cycle: (\d+)\s*$/m.exec(text);
  return m ? Number(m[1]) : null;
}

export function parseTrail(text: string, file: string): Step[] {
  const steps: Step[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = /^(\d+):(-1|\d+):(\d+)$/.exec(line);
    if (!m || Number(m[1]) !== steps.length + 1) {
      throw new ModelError(`${file}:${i + 1}: expected 'step:pid:transition' with step ${steps.length + 1}, found '${line}'`, null);
    }
    steps.push({ pid: Number(m[2]), tid: Number(m[3]) });
  });
  return steps;
}

/**
 * pan's own .trail: `depth:pid:t_id` per line, after optional marker lines with negative
 * fields (`-2:N:-2`, `-4:-4:-4`). Its t_id numbers pan's transitions by SPIN's element
 * numbers; the moves are recovered by resolvePanTrail (pan-trail.ts), which prefers the
 * moves whose number matches.
 */
export function parsePanTrail(text: string, file: string): { pids: number[]; tids: number[]; cycleStart: number | null } {
  const pids: number[] = [], tids: number[] = [];
  // pan -a writes `-1:-1:-1` where a cycle starts (the marker spin -t prints as START OF
  // CYCLE): after the moves above it.
  let cycleStart: number | null = null;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const m = /^(-?\d+):(-?\d+):(-?\d+)$/.exec(line);
    if (!m) throw new ModelError(`${file}:${i + 1}: not a line of pan's trail: '${line}'`, null);
    if (line === '-1:-1:-1') { cycleStart = pids.length; return; }
    if (Number(m[1]) < 0 || Number(m[2]) < 0 || Number(m[3]) < 0) return;
    pids.push(Number(m[2]));
    tids.push(Number(m[3]));
  });
  return { pids, tids, cycleStart };
}

/** A trail file of either kind: gosched's (with its header) or pan's. */
export function readAnyTrail(file: string): { pan: false; steps: Step[]; cycleStart: number | null; claim: string | null } | { pan: true; pids: number[]; tids: number[]; cycleStart: number | null } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ModelError(`${file}: cannot read the trail file`, null);
  }
  return parseAnyTrail(text, file);
}

/** The text of a trail file of either kind (for a caller that has read it already: a
 * pipe can be read only once). */
export function parseAnyTrail(text: string, file: string): ReturnType<typeof readAnyTrail> {
  return text.startsWith('# gosched trail')
    ? { pan: false, steps: parseTrail(text, file), cycleStart: trailCycleStart(text), claim: trailClaim(text) }
    : { pan: true, ...parsePanTrail(text, file) };
}

export function readTrail(file: string): Step[] {
  return readTrailWithCycle(file).steps;
}

export function readTrailWithCycle(file: string): { steps: Step[]; cycleStart: number | null; claim: string | null } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ModelError(`${file}: cannot read the trail file`, null);
  }
  return { steps: parseTrail(text, file), cycleStart: trailCycleStart(text), claim: trailClaim(text) };
}
