// The warm-up search that `check` runs before a liveness search (src/check/warm-up.ts):
// it must go through the paths it is there for, stay short enough that V8 does not
// compile the search loop for it, and leave nothing behind that changes a real search.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileModel } from '../src/check/model.js';
import { livenessSearch, type LivenessMode } from '../src/check/liveness.js';
import { warmUpLiveness } from '../src/check/warm-up.js';
import { repoRoot } from './support/check-cli.js';

const modes: [LivenessMode, boolean][] = [['accept', true], ['accept', false], ['non-progress', true], ['non-progress', false], ['safety', false]];

test('the warm-up searches revisit states with other bits (nested search, fairness) and stay under 5,000 transitions', () => {
  for (const [mode, fair] of modes) {
    const r = warmUpLiveness(mode, fair, 2 ** 32);
    assert.ok(r.transitions > 0 && r.transitions < 5000, `${mode} fair=${fair}: ${r.transitions} transitions`);
    if (mode !== 'safety' && fair) assert.ok(r.statesVisited > r.statesStored, `${mode} fair=${fair}: no state stored again with other bits`);
  }
});

test('a search after a warm-up has the figures of a search without one', () => {
  const file = join(repoRoot, 'models', 'liveness', 'filter_lock_3.pml');
  const search = () => livenessSearch(compileModel(file, readFileSync(file, 'utf8')).machine, { maxDepth: 10000, memLimitBytes: 2 ** 30, mode: 'accept', fairness: true });
  const cold = search();
  warmUpLiveness('accept', true, 2 ** 30);
  const warm = search();
  const figures = (r: typeof cold) => [r.statesStored, r.statesVisited, r.statesMatched, r.transitions, r.depthReached, r.error?.kind ?? null];
  assert.deepEqual(figures(warm), figures(cold));
  assert.ok(cold.statesVisited > cold.statesStored);
});
