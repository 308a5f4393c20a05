#!/usr/bin/env node
// Smaller variants of the commit's model ../shared/seed/proc.p for the differential tests
// (the repository carries no copy of proc.p: NAME.json holds {find, with} replacements, each
// matching exactly once). This script applies them in a temporary directory, runs SPIN 6.5.2
//   spin -o1 -o2 -o3 -a NAME.pml && gcc -O2 -DSAFETY -DNOREDUCE -o pan pan.c && ./pan -m500000
// and stores SPIN's figures under "expected" in NAME.json and pan's report in NAME.pan.txt.
// For people with SPIN and gcc; tests never run it.   node models/spin/variants/regen.mjs [NAME ...]
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectedFrom, runSpin } from '../regen.mjs';
import { applyMutant } from '../../mutants/regen.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const procP = resolve(here, '../../../../shared/seed/proc.p');
const maxDepth = 500000;

function regen(name) {
  const file = join(here, `${name}.json`);
  const variant = JSON.parse(readFileSync(file, 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'variant-'));
  try {
    writeFileSync(join(dir, `${name}.pml`), applyMutant(readFileSync(procP, 'utf8'), variant));
    const { command, out } = runSpin(dir, name, maxDepth);
    variant.expected = expectedFrom(name, command, out, maxDepth);
    const p = variant.expected;
    writeFileSync(file, JSON.stringify(variant, null, 2) + '\n');
    writeFileSync(join(here, `${name}.pan.txt`), out);
    console.log(`${name.padEnd(24)} errors=${p.errors} stored=${p.statesStored} matched=${p.statesMatched} transitions=${p.transitions} atomic=${p.atomicSteps} depth=${p.depthReached}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const names = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync(here).filter((f) => f.endsWith('.json')).map((f) => basename(f, '.json')).sort();
for (const name of names) regen(name);
