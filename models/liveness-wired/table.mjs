#!/usr/bin/env node
// Prints the tables of models/README.md's "Liveness of gosched's own protocol" from
// expected.json (SPIN's figures, written by regen.mjs) and gosched's own runs: for each
// variant and property, `gosched check M.pml --accept --fair --ltl NAME --max-depth
// 1000000 --json` on the variant with the ltl blocks appended (gosched's own claim), and
// for each mutant SPIN's safety and liveness counts. Needs `npm run build`; tests never
// run it (about five minutes of gosched runs). Paste its output over the two tables.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelText } from './regen.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', '..', 'dist', 'src', 'cli.js');
const expected = JSON.parse(readFileSync(join(here, 'expected.json'), 'utf8'));
const spec = JSON.parse(readFileSync(join(here, 'properties.json'), 'utf8'));
const n = (x) => x.toLocaleString('en-US');
const four = (r) => `${n(r.statesStored)} / ${n(r.statesVisited)} / ${n(r.statesMatched)} / ${n(r.transitions)}`;

const dir = mkdtempSync(join(tmpdir(), 'liveness-table-'));
try {
  console.log('| protocol | property | verdict | pan (SPIN\'s claim) | gosched (own claim) | gosched s |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of expected.runs) {
    const file = join(dir, `${r.variant}.pml`);
    writeFileSync(file, modelText(r.variant));
    const t0 = performance.now();
    let out;
    try {
      out = execFileSync(process.execPath, [cli, 'check', file, '--accept', '--fair', '--ltl', r.property, '--max-depth', '1000000', '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    } catch (e) {
      out = e.stdout; // exit 1: the property fails
    }
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    const own = JSON.parse(out);
    console.log(`| ${r.variant} | ${r.property} | ${r.errors ? 'cycle' : 'holds'} | ${four(r)} | ${four(own)} | ${s} |`);
  }
  console.log('\nmutant | property | safety alone (pan) | liveness (pan)');
  for (const m of spec.mutants) {
    const e = expected.mutants.find((x) => x.name === m.name);
    const safety = e.safety.errors ? `${e.safety.errorKind}, ${n(e.safety.statesStored)} states in` : `no error (${n(e.safety.statesStored)} states)`;
    const live = e.liveness ? (e.liveness.errors ? `${e.liveness.errorKind} (pan: ${n(e.liveness.statesStored)} states stored)` : 'holds') : '-';
    console.log(`${m.name} (${m.variant}) | ${m.property ?? '-'} | ${safety} | ${live}`);
  }
  for (const r of expected.largerBound ?? []) console.log(`larger bound: ${r.variant} ${r.property} BYPASS_MAX ${r.bypassMax}: ${r.errors ? 'cycle' : 'holds'}, ${n(r.statesStored)} states stored`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
