#!/usr/bin/env node
// Regenerates SPIN 6.5.2's safety figures for the project's own models: gosched-wired.pml
// (gosched-wired.expected.json, gosched-wired.pan.txt) and its variants
// (variants/NAME.json's "expected", variants/NAME.pan.txt), which
// test/check-own-models.test.ts compares with gosched check. For people with SPIN and gcc
// (and `npm run build` done); tests never run it. In a fresh temporary directory:
//
//   spin -o1 -o2 -o3 -a NAME.pml && gcc -O2 -DSAFETY -DNOREDUCE -o pan pan.c && ./pan -m1000000
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectedFrom, runSpin } from './spin/regen.mjs';
import { applyMutant } from './mutants/regen.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const maxDepth = 1000000;
const base = readFileSync(join(here, 'gosched-wired.pml'), 'utf8');

/** Runs SPIN on `text` as NAME.pml; returns the expected figures and pan's report. */
function spin(name, text) {
  const dir = mkdtempSync(join(tmpdir(), 'regen-own-'));
  try {
    writeFileSync(join(dir, `${name}.pml`), text);
    const { command, out } = runSpin(dir, name, maxDepth);
    const e = expectedFrom(name, command, out, maxDepth);
    console.log(`${name.padEnd(24)} errors=${e.errors} stored=${e.statesStored} matched=${e.statesMatched} transitions=${e.transitions} atomic=${e.atomicSteps} depth=${e.depthReached}`);
    return { expected: e, out };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const own = spin('gosched-wired', base);
writeFileSync(join(here, 'gosched-wired.expected.json'), JSON.stringify(own.expected, null, 2) + '\n');
writeFileSync(join(here, 'gosched-wired.pan.txt'), own.out);
for (const f of readdirSync(join(here, 'variants')).filter((n) => n.endsWith('.json')).sort()) {
  const name = basename(f, '.json');
  const file = join(here, 'variants', f);
  const variant = JSON.parse(readFileSync(file, 'utf8'));
  const r = spin(name, applyMutant(base, variant));
  variant.expected = r.expected;
  writeFileSync(file, JSON.stringify(variant, null, 2) + '\n');
  writeFileSync(join(here, 'variants', `${name}.pan.txt`), r.out);
}
