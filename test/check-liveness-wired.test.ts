// Liveness of gosched's own protocol model (models/gosched-wired.pml with LIVENESS 1),
// under weak fairness, against SPIN 6.5.2's figures in models/liveness-wired/expected.json
// (regen.mjs there: pan -a -f -N PROPERTY; pan prints the visited count with %g, and
// regen.mjs takes it exactly as transitions - matched). Variants atomic and lock are src/sched's two
// protocols, whose run queue is binding (src/sched/queue.ts gput, syscall-atomic.ts
// exitsyscall). Every property is checked on both with SPIN's claim for the formula, so
// the verdict and the states stored, visited, matched and the transitions must be pan's
// exactly; a property that fails would be checked with gosched's own claim too (the cycle
// is found). Mutants: what breaks each property (the commit's behaviours among them, its
// barging schedlock too), and whether safety checking alone sees it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileModel } from '../src/check/model.js';
import { livenessSearch } from '../src/check/liveness.js';
import { search } from '../src/check/search.js';
import { repoRoot } from './support/check-cli.js';

interface Figures { errors: number; errorKind: string | null; statesStored: number; statesVisited: number; statesMatched: number; transitions: number }
interface Spec {
  variants: Record<string, { find: string; with: string }[]>;
  properties: { name: string; ltl: string }[];
  mutants: { name: string; variant: string; property: string | null; replace: { find: string; with: string }[] }[];
}
interface Expected {
  runs: (Figures & { variant: string; property: string; claim: string })[];
  mutants: { name: string; safety: Figures; liveness: (Figures & { property: string }) | null }[];
}

const dir = join(repoRoot, 'models', 'liveness-wired');
const spec = JSON.parse(readFileSync(join(dir, 'properties.json'), 'utf8')) as Spec;
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
const base = readFileSync(join(repoRoot, 'models', 'gosched-wired.pml'), 'utf8');

function patch(text: string, replace: { find: string; with: string }[]): string {
  for (const r of replace) {
    const at = text.indexOf(r.find);
    assert.ok(at >= 0 && text.indexOf(r.find, at + 1) < 0, `'${r.find}' must occur exactly once`);
    text = text.slice(0, at) + r.with + text.slice(at + r.find.length);
  }
  return text;
}

/** The model with the property as an ltl block (own claim) or SPIN's claim for it. */
function model(variant: string, property: string, spinClaim: boolean, mutant: Spec['mutants'][number] | null = null) {
  let text = patch(base, spec.variants[variant]!);
  if (mutant) text = patch(text, mutant.replace);
  const p = spec.properties.find((x) => x.name === property)!;
  const claim = expected.runs.find((r) => r.variant === variant && r.property === property)!.claim;
  text += spinClaim ? `\n${claim}` : `\nltl ${p.name} { ${p.ltl} }\n`;
  return compileModel(`gosched-wired-${variant}.pml`, text);
}

const run = (variant: string, property: string, spinClaim: boolean, mutant: Spec['mutants'][number] | null = null) =>
  livenessSearch(model(variant, property, spinClaim, mutant).machine, { maxDepth: 1_000_000, memLimitBytes: 2 ** 31, mode: 'accept', fairness: true });

test('the verdicts: src/sched runs every runnable goroutine, and an M in exitsyscall gets its cpu', () => {
  const verdict = (v: string, p: string) => expected.runs.find((r) => r.variant === v && r.property === p)!.errors;
  assert.deepEqual(Object.keys(spec.variants), ['atomic', 'lock']);
  assert.deepEqual(spec.properties.map((p) => p.name), ['runs', 'stw', 'exits', 'wakes']);
  assert.equal(expected.runs.length, 2 * spec.properties.length, 'one SPIN run per variant and property');
  // exits holds because schedlock does not starve a waiter (src/sched/lock.ts); with the
  // commit's barging lock (mutant schedlock_barging) other M's may retake it for ever.
  for (const v of ['atomic', 'lock']) for (const p of spec.properties) assert.equal(verdict(v, p.name), 0, `${v} ${p.name}`);
  const barging = expected.mutants.find((m) => m.name === 'schedlock_barging')!;
  assert.equal(barging.safety.errors, 0, 'safety does not see the barging lock');
  assert.equal(barging.liveness?.errorKind, 'acceptance-cycle', 'the barging lock breaks exits');
});

// Every run of expected.json: each property on each protocol, against pan.
const searched = expected.runs;

for (const r of searched) {
  test(`${r.variant} ${r.property}: pan -a -f's verdict and counts`, { timeout: 600_000 }, () => {
    const got = run(r.variant, r.property, true);
    assert.equal(got.memoryLimitHit, false);
    assert.deepEqual(
      { errors: got.error ? 1 : 0, kind: got.error?.kind ?? null, stored: got.statesStored, visited: got.statesVisited, matched: got.statesMatched, transitions: got.transitions },
      { errors: r.errors, kind: r.errorKind, stored: r.statesStored, visited: r.statesVisited, matched: r.statesMatched, transitions: r.transitions });
    if (r.errors > 0) {
      // gosched's own claim for the formula finds the cycle too.
      const own = run(r.variant, r.property, false);
      assert.equal(own.error?.kind, 'acceptance-cycle');
      assert.ok(own.error!.cycleStart !== null && own.error!.cycleStart < own.error!.steps.length);
    }
  });
}

for (const m of spec.mutants) {
  const e = expected.mutants.find((x) => x.name === m.name)!;
  test(`mutant ${m.name}: ${m.property ? `breaks ${m.property}` : 'breaks the bound'}${e.safety.errors ? ', and safety sees it' : ', which safety does not see'}`, { timeout: 600_000 }, () => {
    let text = patch(patch(base, spec.variants[m.variant]!), m.replace);
    const safety = search(compileModel(`${m.name}.pml`, text).machine, { maxDepth: 1_000_000, memLimitBytes: 2 ** 31 });
    assert.equal(safety.error ? 1 : 0, e.safety.errors, 'safety verdict');
    if (m.property && e.liveness) {
      const got = run(m.variant, m.property, false, m);
      assert.equal(got.error ? 1 : 0, e.liveness.errors, 'liveness verdict');
      assert.equal(got.error?.kind ?? null, e.liveness.errorKind);
    }
    text = '';
  });
}
