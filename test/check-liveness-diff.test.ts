// Differential tests of the liveness search against SPIN 6.5.2: every models/liveness/
// NAME.pml with the figures SPIN gave (NAME.expected.json, made by models/liveness/
// regen.mjs: spin -o1 -o2 -o3 -a, gcc -O2 -DNOREDUCE [-DNP], ./pan [-a|-l] [-f]).
// Where the model writes its claim out (a never claim), the counts must equal pan's;
// where it has an ltl block, the verdict must equal pan's with gosched's own translation,
// and the counts must equal pan's with SPIN's claim put in place of the ltl block.
// Where pan found an error, the line gosched prints for it must say pan's "(at depth N)"
// (NAME.pan.txt, one section per run): a cycle's depth is where it closes on the stack,
// not the trail's length.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compileModel } from '../src/check/model.js';
import { livenessSearch, type LivenessMode } from '../src/check/liveness.js';
import { formatVerdict, verdict } from '../src/check/report.js';
import { repoRoot } from './support/check-cli.js';

interface Run {
  mode: string; command: string; spinVersion: string; errors: number; errorKind: string | null;
  statesStored: number; statesVisited: number; statesMatched: number; transitions: number; atomicSteps: number;
}
interface Expected { ltl: string | null; spinClaim: string | null; runs: Run[] }

const dir = join(repoRoot, 'models', 'liveness');
const models = readdirSync(dir).filter((f) => f.endsWith('.pml')).map((f) => basename(f, '.pml')).sort();
const expectedOf = (name: string) => JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expected;

const MODE: Record<string, { mode: LivenessMode; fair: boolean }> = {
  s: { mode: 'safety', fair: false }, a: { mode: 'accept', fair: false }, af: { mode: 'accept', fair: true },
  l: { mode: 'non-progress', fair: false }, lf: { mode: 'non-progress', fair: true },
};

/** The model with its ltl blocks blanked (line numbers kept) and SPIN's claim appended. */
export function withSpinClaim(source: string, claim: string): string {
  return source.replace(/^ltl\b[^{]*\{[^}]*\}/gm, (m) => m.replace(/[^\n]/g, ' ')) + '\n' + claim;
}

/** The N of pan's "pan:1: ... (at depth N)" in each run of NAME.pan.txt ("==== COMMAND"
 * heads a run's output), by command; null for a run without an error. */
export function panErrorDepths(text: string): Map<string, number | null> {
  const depths = new Map<string, number | null>();
  for (const section of text.split(/^==== /m).slice(1)) {
    const command = section.slice(0, section.indexOf('\n'));
    const m = /^pan:1: .*\(at depth (-?\d+)\)$/m.exec(section);
    depths.set(command, m ? Number(m[1]) : null);
  }
  return depths;
}

/** pan's depth bound for the run (-mN in its command; regen.mjs takes it from `// max-depth:`). */
function maxDepthOf(r: Run): number {
  const m = / -m(\d+)\b/.exec(r.command);
  if (!m) throw new Error(`no -m in '${r.command}'`);
  return Number(m[1]);
}

function check(name: string, source: string, r: Run, ltl: string | null) {
  const { mode, fair } = MODE[r.mode]!;
  // A model without a claim checked with -a: pan's claimless search.
  const m = compileModel(`${name}.pml`, source, { ltl: ltl ?? undefined, nonProgress: mode === 'non-progress' });
  return livenessSearch(m.machine, { maxDepth: maxDepthOf(r), memLimitBytes: 1 << 30, mode, fairness: fair });
}

test('the liveness suite has at least 30 models, all with SPIN 6.5.2 figures, and mixes verdicts', () => {
  assert.ok(models.length >= 30, `only ${models.length} models in models/liveness`);
  const kinds = new Set<string>();
  for (const name of models) {
    const e = expectedOf(name);
    assert.ok(e.runs.length > 0, name);
    for (const r of e.runs) { assert.equal(r.spinVersion, '6.5.2', name); kinds.add(r.errorKind ?? 'none'); }
  }
  for (const k of ['none', 'acceptance-cycle', 'non-progress-cycle', 'claim-end', 'assertion', 'accept-stutter']) assert.ok(kinds.has(k), `no model ends in ${k}`);
});

for (const name of models) {
  test(`${name}: the verdicts and counts of SPIN`, () => {
    const e = expectedOf(name);
    const source = readFileSync(join(dir, `${name}.pml`), 'utf8');
    const panDepths = panErrorDepths(readFileSync(join(dir, `${name}.pan.txt`), 'utf8'));
    for (const r of e.runs) {
      const what = `${name} (${r.command.replace(/^.*&& /, '')})`;
      const own = check(name, source, r, e.ltl);
      assert.equal(own.error ? 1 : 0, r.errors, `${what}: verdict`);
      // SPIN's translator writes some violations as assertions in its claim where this
      // one ends the claim; which kind of error is reported depends on the claim's text.
      if (!e.spinClaim) assert.equal(own.error?.kind ?? null, r.errorKind, `${what}: kind of error`);
      // With SPIN's own claim (or the never claim written in the model), pan's counts.
      const same = e.spinClaim ? check(name, withSpinClaim(source, e.spinClaim), r, null) : own;
      const got = { errors: same.error ? 1 : 0, kind: same.error?.kind ?? null, stored: same.statesStored, visited: same.statesVisited, matched: same.statesMatched, transitions: same.transitions, atomic: same.atomicSteps };
      const want = { errors: r.errors, kind: r.errorKind, stored: r.statesStored, visited: r.statesVisited, matched: r.statesMatched, transitions: r.transitions, atomic: r.atomicSteps };
      assert.deepEqual(got, want, `${what}: counts with ${e.spinClaim ? "SPIN's claim" : 'the written claim'}`);
      // pan's "(at depth N)" in the error line gosched prints (with the same claim; the
      // messages' wording is not compared here: SPIN writes an ltl's assertions its way).
      const panDepth = panDepths.get(r.command);
      assert.ok(panDepth !== undefined, `${what}: no section for this run in ${name}.pan.txt`);
      assert.equal(panDepth !== null, r.errors === 1, `${what}: pan's error line against its error count`);
      if (panDepth !== null) {
        const line = formatVerdict(verdict(`${name}.pml`, same, maxDepthOf(r), null)).split('\n').find((l) => l.startsWith('gosched:1: '));
        assert.equal(/ \(at depth (-?\d+)\)$/.exec(line ?? '')?.[1], String(panDepth), `${what}: the depth in '${line}' (with ${e.spinClaim ? "SPIN's claim" : 'the written claim'})`);
      }
    }
  });
}
