// The generated exec split into functions small enough for V8 to optimise (codegen.ts,
// execSource): a model with many transitions gets several, each within the size V8
// compiles, and every transition still runs its own case (the figures of the split model
// against pan's are checked in check-liveness-wired.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileModel } from '../src/check/model.js';
import { search } from '../src/check/search.js';
import { repoRoot } from './support/check-cli.js';

/** A loop of n choices, choice i setting x to i + 1. */
function chain(n: number): string {
  const opts = Array.from({ length: n }, (_, i) => `  :: x == 0 -> x = ${i + 1}`).join('\n');
  return `short x;\nactive proctype P() {\n  do\n${opts}\n  :: x != 0 -> break\n  od\n}\n`;
}

test('a model with many transitions gets exec split into functions V8 optimises', () => {
  const file = join(repoRoot, 'models', 'gosched-wired.pml');
  const src = compileModel(file, readFileSync(file, 'utf8')).machine.source;
  const groups = src.split('\nfunction exec_').slice(1);
  assert.ok(groups.length > 1, `expected several exec_ functions, got ${groups.length}`);
  // V8's limit is on bytecode (60 KiB), which is smaller than the source.
  for (const g of groups) assert.ok(g.split('\n}\n')[0]!.length < 61440, 'an exec_ function is too large for V8 to optimise');
});

test('each transition runs its own case when exec is split', () => {
  const stored = (n: number) => {
    const m = compileModel(`chain${n}.pml`, chain(n)).machine;
    const r = search(m, { maxDepth: 10000, memLimitBytes: 1 << 30 });
    assert.equal(r.error, null);
    return { split: m.source.includes('function exec_1'), states: r.statesStored };
  };
  const one = stored(1), two = stored(2), large = stored(600);
  assert.ok(!two.split, 'a small model keeps one exec');
  assert.ok(large.split, 'a large model has its exec split');
  // Each choice adds the same states (its value at the loop head, after the break, ...),
  // so the count is linear in n: a case run for another transition's breaks it.
  assert.equal(large.states, one.states + 599 * (two.states - one.states));
});
