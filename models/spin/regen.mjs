#!/usr/bin/env node
// Regenerates models/spin/NAME.expected.json and NAME.pan.txt from SPIN itself.
// It is for people with SPIN 6.5.2 and gcc installed (and the project built: npm run build);
// tests never run it.
//
//   node models/spin/regen.mjs            # every models/spin/*.pml
//   node models/spin/regen.mjs NAME ...   # only these models
//   node models/spin/regen.mjs --table-only   # only README.md's table, from the json files
//
// For each model it runs, in a fresh temporary directory (never in the repository):
//   spin -o1 -o2 -o3 -a NAME.pml && gcc -O2 -DSAFETY -DNOREDUCE -o pan pan.c && ./pan -mN
// -o1 -o2 -o3 turn off dead-variable reset, write-only hiding and statement merging, and
// -DNOREDUCE turns off partial order reduction, so the counts depend on the model's
// semantics only. Files the model #includes are copied beside it first. N is 10000
// (pan's default) unless the model has a line
// `// pan-args: -mN` (and gcc gets the -D flags of a line `// pan-cc: -DVECTORSZ=N`). It then parses pan's report into NAME.expected.json, stores the report
// as NAME.pan.txt, and rewrites the table in README.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, copyFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePanOutput } from '../../dist/src/bench/check-vs-spin.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The figures of pan's text report that the expected files keep. One parser of pan's
 * output serves the benchmark and these scripts: src/bench/check-vs-spin.ts, built into
 * dist/ (run `npm run build` first). */
export function parsePan(text) {
  const { errors, errorKind, statesStored, statesMatched, transitions, atomicSteps, depthReached, depthLimitHit, stateVectorBytes } =
    parsePanOutput(text);
  return { errors, errorKind, statesStored, statesMatched, transitions, atomicSteps, depthReached, depthLimitHit, stateVectorBytes };
}

/**
 * Runs SPIN on DIR/NAME.pml with the fixed settings of every expected file here and in
 * ../mutants and ./variants; returns the command line (as stored) and pan's report.
 */
export function runSpin(dir, name, maxDepth, cc = []) {
  const command = `spin -o1 -o2 -o3 -a ${name}.pml && gcc -O2 -DSAFETY -DNOREDUCE ${cc.map((f) => f + ' ').join('')}-o pan pan.c && ./pan -m${maxDepth}`;
  execFileSync('spin', ['-o1', '-o2', '-o3', '-a', `${name}.pml`], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
  execFileSync('gcc', ['-O2', '-DSAFETY', '-DNOREDUCE', ...cc, '-o', 'pan', 'pan.c'], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
  let out;
  try {
    out = execFileSync('./pan', [`-m${maxDepth}`], { cwd: dir, encoding: 'utf8' });
  } catch (err) {
    out = err.stdout; // pan exits non-zero on some errors; the report is still on stdout
  }
  return { command, out };
}

/** The expected figures the differential tests compare with, from pan's report. */
export function expectedFrom(name, command, out, maxDepth) {
  const p = parsePan(out);
  if (p.statesStored === null || p.errors === null) throw new Error(`${name}: cannot parse pan's output:\n${out}`);
  return {
    command,
    spinVersion: /Spin Version (\S+)/.exec(out)?.[1] ?? null,
    errors: p.errors,
    errorKind: p.errorKind,
    statesStored: p.statesStored,
    statesMatched: p.statesMatched,
    transitions: p.transitions,
    atomicSteps: p.atomicSteps,
    depthReached: p.depthReached,
    depthLimitHit: p.depthLimitHit,
    maxDepth,
    stateVectorBytes: p.stateVectorBytes,
  };
}

function regen(name) {
  const model = join(here, `${name}.pml`);
  const source = readFileSync(model, 'utf8');
  const m = /^\/\/ pan-args: -m(\d+)\s*$/m.exec(source);
  const maxDepth = m ? Number(m[1]) : 10000;
  // `// pan-cc: -DVECTORSZ=N`: extra gcc flags where pan's defaults are too small for the model.
  const cc = /^\/\/ pan-cc:(.*)$/m.exec(source)?.[1]?.trim().split(/\s+/).filter((f) => /^-D[A-Z_]+(=\d+)?$/.test(f)) ?? [];
  const dir = mkdtempSync(join(tmpdir(), 'regen-'));
  try {
    copyFileSync(model, join(dir, `${name}.pml`));
    copyIncludes(source, here, dir);
    const { command, out } = runSpin(dir, name, maxDepth, cc);
    const p = expectedFrom(name, command, out, maxDepth);
    writeFileSync(join(here, `${name}.expected.json`), JSON.stringify(p, null, 2) + '\n');
    writeFileSync(join(here, `${name}.pan.txt`), out);
    console.log(`${name.padEnd(24)} errors=${p.errors} ${p.errorKind ?? '-'} stored=${p.statesStored} matched=${p.statesMatched} transitions=${p.transitions} atomic=${p.atomicSteps} depth=${p.depthReached}${p.depthLimitHit ? ' (depth limit hit)' : ''}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Copies the files a model #includes (and those they include), kept at the same
 * relative paths, next to its copy in `to`, so that SPIN's cpp finds them there. */
export function copyIncludes(source, from, to) {
  for (const m of source.matchAll(/^\s*#\s*include\s+"([^"]+)"/gm)) {
    const src = join(from, m[1]), dst = join(to, m[1]);
    mkdirSync(dirname(dst), { recursive: true });
    copyFileSync(src, dst);
    copyIncludes(readFileSync(src, 'utf8'), dirname(src), dirname(dst));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2).filter((a) => a !== '--table-only');
  const names = process.argv.includes('--table-only') ? []
    : args.length > 0
    ? args
    : readdirSync(here).filter((f) => f.endsWith('.pml')).map((f) => basename(f, '.pml')).sort();
  for (const name of names) regen(name);
  writeTable();
}

/** Rewrites the table of README.md from every NAME.expected.json. */
function writeTable() {
  const readme = join(here, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const head = '| model | verdict | stored | matched | transitions | atomic steps | depth reached | -m |\n|---|---|---|---|---|---|---|---|\n';
  const at = text.indexOf(head);
  if (at < 0) return;
  const rows = readdirSync(here).filter((f) => f.endsWith('.expected.json')).sort().map((f) => {
    const e = JSON.parse(readFileSync(join(here, f), 'utf8'));
    const name = f.slice(0, -'.expected.json'.length);
    return `| ${name} | ${e.errors === 0 ? 'no error' : e.errorKind} | ${e.statesStored} | ${e.statesMatched} | ${e.transitions} | ${e.atomicSteps} | ${e.depthReached} | ${e.maxDepth}${e.depthLimitHit ? ' (hit)' : ''} |`;
  });
  writeFileSync(readme, text.slice(0, at) + head + rows.join('\n') + '\n');
}
