#!/usr/bin/env node
// Regenerates models/liveness/NAME.expected.json and NAME.pan.txt from SPIN 6.5.2 itself.
// For people with spin and gcc on PATH; tests never run it.
//
//   node models/liveness/regen.mjs            # every models/liveness/*.pml
//   node models/liveness/regen.mjs NAME ...   # only these
//
// Each model says which pan runs it gets in a line `// runs: MODE ...` (MODE one of
// s: safety with the claim, a: -a, af: -a -f, l: -l, lf: -l -f) and may choose an ltl
// block with `// ltl: NAME` (pan -N NAME). A model whose search goes deeper than 10000
// steps says `// max-depth: N` (pan -mN). For each run, in a fresh temporary directory:
//
//   spin -o1 -o2 -o3 -a NAME.pml && gcc -O2 -DNOREDUCE [-DNP] [pan-cc flags] -o pan pan.c && ./pan [-a|-l] [-f] [-N NAME] -m10000
//
// -o1 -o2 -o3 turn off SPIN's dead-variable reset, write-only hiding and statement
// merging, and -DNOREDUCE partial order reduction, so the counts depend on the model's
// semantics only (the checker has none of these optimisations). For a model with ltl
// blocks, the claim SPIN built (its _spin_nvr.tmp) is kept as spinClaim: the test checks
// the verdict on the model as written (with gosched's own translation) and the counts on
// the model with SPIN's claim in place of the ltl block.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const MODES = {
  s: { np: false, args: [] },
  a: { np: false, args: ['-a'] },
  af: { np: false, args: ['-a', '-f'] },
  l: { np: true, args: ['-l'] },
  lf: { np: true, args: ['-l', '-f'] },
};

/** pan's figures from its report (the liveness forms included: "(N visited)"). */
export function parseLivenessPan(text) {
  // pan prints counts with %g: 1.80524e+06 past a million visits.
  const num = (re) => { const m = re.exec(text); return m ? Number(m[1]) : null; };
  const kind = /^pan:\d+: acceptance cycle/m.test(text) ? 'acceptance-cycle'
    : /^pan:\d+: non-progress cycle/m.test(text) ? 'non-progress-cycle'
    : /^pan:\d+: end state in claim reached/m.test(text) ? 'claim-end'
    : /^pan:\d+: accept stutter/m.test(text) ? 'accept-stutter'
    : /^pan:\d+: assertion violated - invalid array index/m.test(text) ? 'index'
    : /^pan:\d+: assertion violated/m.test(text) ? 'assertion'
    : /^pan:\d+: invalid end state/m.test(text) ? 'invalid-end-state'
    : /^pan:\d+: used: enabled\(pid=thisproc\)/m.test(text) ? 'enabled-self'
    // A trace assertion's errors (src/check/event-trace.ts).
    : /^pan:\d+: event_trace error \(no matching event\)/m.test(text) ? 'trace'
    : /^pan:\d+: event_trace error \(all events matched\)/m.test(text) ? 'notrace'
    : /^pan:\d+: non-determinism in event-trace/m.test(text) ? 'trace-nondeterminism' : null;
  const stored = num(/([\d.e+]+) states, stored/);
  const matched = num(/([\d.e+]+) states, matched/);
  const transitions = num(/([\d.e+]+) transitions \(= (?:stored|visited)\+matched\)/);
  // The visited count is printed with %g (six digits: 2.56316e+06), matched and
  // transitions with %.8g; while those two are exact, visited = transitions - matched.
  const visitedText = /states, stored \(([\d.e+]+) visited\)/.exec(text)?.[1];
  const exact = (re) => /^\d+$/.test(re.exec(text)?.[1] ?? '');
  const visited = visitedText === undefined ? stored
    : /e/.test(visitedText) && exact(/([\d.e+]+) states, matched/) && exact(/([\d.e+]+) transitions \(=/) ? transitions - matched
    : Number(visitedText);
  return {
    spinVersion: /Spin Version (\S+)/.exec(text)?.[1] ?? null,
    errors: num(/errors:\s*(\d+)/),
    errorKind: kind,
    statesStored: stored,
    statesVisited: visited,
    statesMatched: matched,
    transitions,
    atomicSteps: num(/([\d.e+]+) atomic steps/),
    depthReached: num(/depth reached (\d+)/),
  };
}

function runPan(name, mode, ltl, cc = [], maxDepth = 10000) {
  const m = MODES[mode];
  if (!m) throw new Error(`${name}: unknown run mode '${mode}'`);
  const dir = mkdtempSync(join(tmpdir(), 'regen-live-'));
  try {
    copyFileSync(join(here, `${name}.pml`), join(dir, `${name}.pml`));
    execFileSync('spin', ['-o1', '-o2', '-o3', '-a', `${name}.pml`], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
    const gcc = ['-O2', '-DNOREDUCE', ...(m.np ? ['-DNP'] : []), ...cc, '-o', 'pan', 'pan.c'];
    execFileSync('gcc', gcc, { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
    const args = [...m.args, ...(ltl ? ['-N', ltl] : []), `-m${maxDepth}`];
    let out;
    try { out = execFileSync('./pan', args, { cwd: dir, encoding: 'utf8' }); } catch (e) { out = e.stdout; }
    const nvr = join(dir, '_spin_nvr.tmp');
    const claims = existsSync(nvr) ? readFileSync(nvr, 'utf8') : null;
    const command = `spin -o1 -o2 -o3 -a ${name}.pml && gcc ${gcc.join(' ')} && ./pan ${args.join(' ')}`;
    return { command, out, claims };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The claim named `ltl` (or the first) from SPIN's _spin_nvr.tmp. */
export function pickClaim(claims, ltl) {
  const blocks = claims.split(/^(?=never )/m).filter((b) => b.startsWith('never'));
  const b = ltl ? blocks.find((x) => x.startsWith(`never ${ltl} `)) : blocks[0];
  if (!b) throw new Error(`no claim ${ltl ?? ''} in _spin_nvr.tmp`);
  return b.trim() + '\n';
}

function regen(name) {
  const source = readFileSync(join(here, `${name}.pml`), 'utf8');
  const runs = (/^\/\/ runs:(.*)$/m.exec(source)?.[1] ?? '').trim().split(/\s+/).filter(Boolean);
  if (runs.length === 0) throw new Error(`${name}: no '// runs:' line`);
  const ltl = /^\/\/ ltl: (\S+)\s*$/m.exec(source)?.[1] ?? null;
  // `// pan-cc: -DNFAIR=N`: gcc flags pan needs for the model (more processes than its
  // default fairness map holds).
  const cc = /^\/\/ pan-cc:(.*)$/m.exec(source)?.[1]?.trim().split(/\s+/).filter((f) => /^-D[A-Z_]+(=\d+)?$/.test(f)) ?? [];
  // `// max-depth: N`: pan's -mN for a model whose depth-first search goes past 10000
  // steps (pan would stop there and count less; the test reads -m back from the command).
  const maxDepth = Number(/^\/\/ max-depth: (\d+)\s*$/m.exec(source)?.[1] ?? 10000);
  const expected = { ltl, spinClaim: null, runs: [] };
  let reports = '';
  for (const mode of runs) {
    const { command, out, claims } = runPan(name, mode, ltl, cc, maxDepth);
    const p = parseLivenessPan(out);
    if (p.statesStored === null || p.errors === null) throw new Error(`${name} ${mode}: cannot parse pan's output:\n${out}`);
    // A never claim of the model's own beside ltl blocks is the claim pan checks without
    // -N: the counts are then the written claim's, and SPIN's ltl claims are not needed.
    if (claims && (ltl || !/^\s*never\b/m.test(source))) expected.spinClaim = pickClaim(claims, ltl);
    expected.runs.push({ mode, command, ...p });
    reports += `==== ${command}\n${out}\n`;
    console.log(`${name.padEnd(26)} ${mode.padEnd(3)} errors=${p.errors} ${p.errorKind ?? '-'} stored=${p.statesStored} visited=${p.statesVisited} matched=${p.statesMatched} transitions=${p.transitions}`);
  }
  writeFileSync(join(here, `${name}.expected.json`), JSON.stringify(expected, null, 2) + '\n');
  writeFileSync(join(here, `${name}.pan.txt`), reports);
  return expected;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const names = args.length > 0 ? args : readdirSync(here).filter((f) => f.endsWith('.pml')).map((f) => basename(f, '.pml')).sort();
  for (const name of names) regen(name);
  writeTable();
}

/** Rewrites the table in README.md from the expected files. */
function writeTable() {
  const readme = join(here, 'README.md');
  if (!existsSync(readme)) return;
  const text = readFileSync(readme, 'utf8');
  const head = '| model | pan run | verdict | stored | visited | matched | transitions |\n|---|---|---|---|---|---|---|\n';
  const at = text.indexOf(head);
  if (at < 0) return;
  const rows = [];
  for (const f of readdirSync(here).filter((x) => x.endsWith('.expected.json')).sort()) {
    const e = JSON.parse(readFileSync(join(here, f), 'utf8'));
    const name = f.slice(0, -'.expected.json'.length);
    for (const r of e.runs) {
      const flags = r.command.replace(/^.*\.\/pan /, '').replace(/ ?-m10000$/, '') || '(none)';
      rows.push(`| ${name} | ${flags} | ${r.errors === 0 ? 'no error' : r.errorKind} | ${r.statesStored} | ${r.statesVisited} | ${r.statesMatched} | ${r.transitions} |`);
    }
  }
  writeFileSync(readme, text.slice(0, at) + head + rows.join('\n') + '\n');
}
