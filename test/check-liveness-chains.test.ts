// The liveness search's forced chains (src/check/liveness.ts: the move loop runs a
// process's one move inside an atomic sequence without the loop's stages, and UP passes
// spent frames by). Their counts are pan's by check-liveness-diff.test.ts (the
// models/liveness/atomic_chain_* models); here, what those counts do not show: a
// counterexample found inside a chain holds every step pan's does and replays to the error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileModel } from '../src/check/model.js';
import { livenessSearch } from '../src/check/liveness.js';
import { replay } from '../src/check/replay.js';
import { repoRoot } from './support/check-cli.js';

const file = (name: string) => join(repoRoot, 'models', 'liveness', `${name}.pml`);
const machineOf = (name: string) => compileModel(file(name), readFileSync(file(name), 'utf8')).machine;

test('an assertion inside a chain: the counterexample has pan\'s length and replays to the same assertion', () => {
  const m = machineOf('atomic_chain_assert');
  const r = livenessSearch(m, { maxDepth: 10000, memLimitBytes: 1 << 30, mode: 'safety', fairness: false });
  assert.equal(r.error?.kind, 'assertion');
  // pan: "assertion violated ... (at depth 22)": the steps to that state and the failing one.
  const pan = readFileSync(join(repoRoot, 'models', 'liveness', 'atomic_chain_assert.pan.txt'), 'utf8');
  const depth = Number(/assertion violated .* \(at depth (\d+)\)/.exec(pan)![1]);
  assert.equal(r.error!.steps.length, depth + 1);
  // Most of the steps are moves of a process inside its atomic sequence (made in chains).
  assert.ok(r.atomicSteps > r.statesStored * 3, `${r.atomicSteps} atomic steps for ${r.statesStored} states`);
  const out = replay(m, 'atomic_chain_assert.pml', r.error!.steps, () => {});
  assert.equal(out.error?.kind, 'assertion');
  assert.equal(out.error?.message, r.error!.message);
  assert.equal(out.steps, r.error!.steps.length);
});

