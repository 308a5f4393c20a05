// `gosched bench pool --placement`: the overlap arithmetic on made-up stints, and a small
// traced batch end to end (every task leaves its trace). No speed is asserted.
import test from 'node:test';
import assert from 'node:assert/strict';
import { formatPlacement, runPlacement, sharedCoreMs } from '../src/bench/pool/placement.js';
import { currentCore } from '../src/bench/pool/traced-task.js';
import { existsSync } from 'node:fs';

test('sharedCoreMs counts the time two or more stints overlap on one core, once per core', () => {
  assert.equal(sharedCoreMs([]), 0);
  // Two cores, no overlap on either: nothing shared.
  assert.equal(sharedCoreMs([{ from: 0, to: 2, core: 0 }, { from: 1, to: 3, core: 1 }, { from: 2, to: 4, core: 0 }]), 0);
  // Core 0: [0,4) and [1,3) overlap 2 ms; a third [2,5) adds [3,4) and (inside [2,3)) nothing twice.
  assert.equal(sharedCoreMs([{ from: 0, to: 4, core: 0 }, { from: 1, to: 3, core: 0 }]), 2);
  assert.equal(sharedCoreMs([{ from: 0, to: 4, core: 0 }, { from: 1, to: 3, core: 0 }, { from: 2, to: 5, core: 0 }]), 3);
  // The same overlap on two cores counts on each.
  assert.equal(sharedCoreMs([
    { from: 0, to: 2, core: 0 }, { from: 1, to: 2, core: 0 }, { from: 5, to: 7, core: 1 }, { from: 6, to: 9, core: 1 },
  ]), 2);
});

test('currentCore reads the core on Linux, -1 elsewhere', () => {
  const c = currentCore();
  if (existsSync('/proc/thread-self/stat')) assert.ok(Number.isInteger(c) && c >= 0, `core ${c}`);
  else assert.equal(c, -1);
});

test('a traced batch records every task, and the table shows one row per batch', { timeout: 60_000 }, async () => {
  const w = { key: 'b' as const, title: 'tiny', tasks: 12, blockMs: 2, computeMs: 0.5 };
  // 2000 iterations a "millisecond": the loop's real speed does not matter here.
  const batches = await runPlacement({ workload: w, itersPerMs: 2000, batches: 2 });
  assert.equal(batches.length, 2);
  for (const b of batches) {
    assert.ok(b.wallMs >= w.blockMs, `a batch blocks at least ${w.blockMs} ms: ${b.wallMs}`);
    assert.ok(b.computeMs > 0 && b.meanComputeMs === b.computeMs / w.tasks);
    assert.ok(b.migrated >= 0 && b.migrated <= w.tasks);
    assert.ok(b.sharedMs >= 0 && b.sharedMs <= b.computeMs);
  }
  const text = formatPlacement(w, batches);
  assert.equal(text.split('\n').filter((l) => /^\| \d+ \|/.test(l)).length, 2);
});
