#!/usr/bin/env node
// Regenerates models/liveness-wired/expected.json (and pan.txt) from SPIN 6.5.2: each
// property of properties.json on each variant of ../gosched-wired.pml, and each mutant,
// with weak fairness. For people with spin and gcc (and `npm run build` done); tests never
// run it. For each run, in a fresh temporary directory:
//
//   spin -o1 -o2 -o3 -a M.pml && gcc -O2 -DNOREDUCE -o pan pan.c && ./pan -a -f -N PROP -m1000000
//
// (`node regen.mjs --mutants` redoes only the mutants, keeping the property runs;
// `--larger-bound` only the runs of `runs` with BYPASS_MAX 2, stored as largerBound: the
// model's header says how far the bound 1 stands for src/sched's 64, and these show that
// the verdict is the same with 2.)
//
// and for each mutant also the safety check the rest of the project uses:
//
//   spin -o1 -o2 -o3 -a M.pml && gcc -O2 -DSAFETY -DNOREDUCE -o pan pan.c && ./pan -m1000000
//
// SPIN's claim for each property on each variant (its _spin_nvr.tmp; the formula's macros
// may differ between variants) is kept in the run's entry, so the test can compare counts
// exactly with it in place of the ltl block. Where pan finds a cycle, SPIN's own
// listing of it (spin -t -p M.pml, from <<<<<START OF CYCLE>>>>> on) goes to
// trails/VARIANT-PROPERTY.txt or trails/mutant-NAME.txt.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLivenessPan, pickClaim } from '../liveness/regen.mjs';
import { applyMutant } from '../mutants/regen.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const spec = JSON.parse(readFileSync(join(here, 'properties.json'), 'utf8'));
const base = readFileSync(join(here, '..', 'gosched-wired.pml'), 'utf8');

/** The model text for a variant (and mutant), with every property as an ltl block. */
export function modelText(variant, mutant = null) {
  let text = applyMutant(base, { replace: spec.variants[variant] });
  if (mutant) text = applyMutant(text, mutant);
  return text + '\n' + spec.properties.map((p) => `ltl ${p.name} { ${p.ltl} }`).join('\n') + '\n';
}

function pan(text, gcc, args) {
  const dir = mkdtempSync(join(tmpdir(), 'regen-wired-'));
  try {
    writeFileSync(join(dir, 'M.pml'), text);
    execFileSync('spin', ['-o1', '-o2', '-o3', '-a', 'M.pml'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
    execFileSync('gcc', [...gcc, '-o', 'pan', 'pan.c'], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
    let out;
    try { out = execFileSync('./pan', args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 }); } catch (e) { out = e.stdout; }
    const nvr = join(dir, '_spin_nvr.tmp');
    // SPIN's own listing of an error trail (spin -t -p), cut to the cycle where there is one.
    let trail = null;
    if (existsSync(join(dir, 'M.pml.trail'))) {
      const listing = execFileSync('spin', ['-t', '-p', 'M.pml'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
      const at = listing.indexOf('<<<<<START OF CYCLE>>>>>');
      const steps = listing.split('\n').filter((l) => /^\s*\d+:\s+proc/.test(l)).length;
      trail = at < 0 ? `spin -t -p M.pml: ${steps} steps, no cycle; the last 40 lines:\n${listing.split('\n').slice(-40).join('\n')}` : `spin -t -p M.pml: ${steps} steps; the cycle, from its start to the end of the trail:\n${listing.slice(at)}`;
    }
    return { out, trail, claims: existsSync(nvr) ? readFileSync(nvr, 'utf8') : null, command: `spin -o1 -o2 -o3 -a M.pml && gcc ${gcc.join(' ')} -o pan pan.c && ./pan ${args.join(' ')}` };
  } finally { rmSync(dir, { recursive: true, force: true }); }
}

function liveness(text, prop) {
  const r = pan(text, ['-O2', '-DNOREDUCE'], ['-a', '-f', '-N', prop, '-m1000000']);
  return { figures: { property: prop, command: r.command, ...parseLivenessPan(r.out) }, claim: pickClaim(r.claims, prop), out: r.out, trail: r.trail };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const onlyMutants = process.argv.includes('--mutants');
  const onlyLarger = process.argv.includes('--larger-bound');
  mkdirSync(join(here, 'trails'), { recursive: true });
  const old = onlyMutants || onlyLarger ? JSON.parse(readFileSync(join(here, 'expected.json'), 'utf8')) : null;
  const expected = old ? { ...old, ...(onlyMutants ? { mutants: [] } : {}), largerBound: [] } : { runs: [], largerBound: [], mutants: [] };
  const oldReports = old ? readFileSync(join(here, 'pan.txt'), 'utf8') : '';
  let reports = old ? oldReports.split('==== larger bound ')[0].split('==== mutant ')[0] : '';
  for (const variant of old ? [] : Object.keys(spec.variants)) {
    for (const p of spec.properties) {
      const { figures, claim, out, trail } = liveness(modelText(variant), p.name);
      if (trail) writeFileSync(join(here, 'trails', `${variant}-${p.name}.txt`), trail);
      expected.runs.push({ variant, ...figures, claim });
      reports += `==== ${variant} ${p.name}: ${figures.command}\n${out}\n`;
      console.log(`${variant.padEnd(7)} ${p.name.padEnd(6)} errors=${figures.errors} ${figures.errorKind ?? '-'} stored=${figures.statesStored} visited=${figures.statesVisited} matched=${figures.statesMatched} transitions=${figures.transitions}`);
    }
  }
  for (const variant of Object.keys(spec.variants)) {
    const text = modelText(variant).replace('#define BYPASS_MAX 1\n', '#define BYPASS_MAX 2\n');
    if (!text.includes('#define BYPASS_MAX 2\n')) throw new Error('gosched-wired.pml has no #define BYPASS_MAX 1');
    const { figures, out } = liveness(text, 'runs');
    expected.largerBound.push({ variant, bypassMax: 2, ...figures });
    reports += `==== larger bound ${variant} runs (BYPASS_MAX 2): ${figures.command}\n${out}\n`;
    console.log(`${variant.padEnd(7)} runs BYPASS_MAX 2 errors=${figures.errors} stored=${figures.statesStored} transitions=${figures.transitions}`);
  }
  if (onlyLarger) reports += oldReports.slice(oldReports.indexOf('==== mutant '));
  for (const m of onlyLarger ? [] : spec.mutants) {
    const text = modelText(m.variant, m);
    const safetyRun = pan(text.replace(/\nltl [^\n]*/g, ''), ['-O2', '-DSAFETY', '-DNOREDUCE'], ['-m1000000']);
    const safety = { command: safetyRun.command, ...parseLivenessPan(safetyRun.out) };
    reports += `==== mutant ${m.name} safety: ${safety.command}\n${safetyRun.out}\n`;
    let live = null;
    if (m.property) {
      const r = liveness(text, m.property);
      live = r.figures;
      if (r.trail) writeFileSync(join(here, 'trails', `mutant-${m.name}.txt`), r.trail);
      reports += `==== mutant ${m.name} ${m.property}: ${live.command}\n${r.out}\n`;
    }
    expected.mutants.push({ name: m.name, safety, liveness: live });
    console.log(`mutant ${m.name}: safety errors=${safety.errors} ${safety.errorKind ?? '-'}; ${m.property ?? '-'} errors=${live?.errors ?? '-'} ${live?.errorKind ?? ''}`);
  }
  writeFileSync(join(here, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
  writeFileSync(join(here, 'pan.txt'), reports);
}
