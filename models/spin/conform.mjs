#!/usr/bin/env node
// Conformance of `gosched check` with SPIN 6.5.2 on Promela models written by others (a
// developer's tool; tests never run it). For every .pml (and .prm, .promela) file under the
// directories given, it runs SPIN and gosched the same way and prints one line per run:
//
//   agree         the verdict, the error kind and every count are SPIN's
//   differ        which figure differs (ours, then SPIN's in parentheses)
//   we reject     gosched refused the model: its message (exit 2), or its internal error (4)
//   SPIN rejects  spin -a, gcc or pan refused the model (not compared)
//   too big       pan stored more than --max-states, ran past --timeout, or hit its memory
//                 bound (not compared); "ours too slow" when only gosched ran past --timeout
//
//   node models/spin/conform.mjs [--max-states N] [--timeout S] [--fair] [--every] [--only RE] [--json] DIR...
//
// Runs, each in a fresh temporary directory (never beside the model), as regen.mjs and
// ../liveness/regen.mjs run SPIN:
//   safety (every model):        spin -o1 -o2 -o3 -a M.pml && gcc -O2 -DSAFETY -DNOREDUCE && ./pan -m10000
//                                (without -DSAFETY when the model has a never claim or ltl
//                                block: pan then moves the claim in lockstep; gosched likewise)
//   -a   (never claim, ltl, or accept labels): gcc -O2 -DNOREDUCE, ./pan -a [-N NAME] -m10000
//                                against gosched check --accept [--ltl NAME]
//   -l   (progress labels, no claim): gcc -DNP, ./pan -l  against  gosched check --non-progress
//   --fair adds -a -f and -l -f runs (gosched --fair).
// Where both find an error (not for an ltl block), the counterexamples are compared too:
// pan's trail and gosched's, each listed by `gosched replay`, must be the same steps.
//   --every adds -a and -l on every model without a claim, labels or not: pan -l then takes
//                                every cycle as a non-progress one, and -a with no accept
//                                state runs the search a claim-less pan -a does.
// Each ltl block gets its own -a run. gosched translates an ltl formula itself, so on the
// model as written only the verdict is compared; the counts are compared on the model with
// SPIN's claim (its _spin_nvr.tmp) put in place of the ltl blocks, as
// test/check-liveness-diff.test.ts does (not done for a model that #includes files).
//
// pan is built with -DVECTORSZ=4096 (more than its default 1024 bytes; the counts do not
// depend on it) and -DMEMLIM (the --memlim given, 1024 MB by default), gosched run with
// the same --memlim. pan exits early on models whose search is larger than --max-states
// only once it is over; the time bound catches the rest.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, relative, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseLivenessPan, pickClaim } from '../liveness/regen.mjs';
import { parsePan } from './regen.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cli = resolve(here, '../../dist/src/cli.js');
const usage = 'usage: node models/spin/conform.mjs [--max-states N] [--timeout S] [--memlim MB] [--fair] [--every] [--only REGEX] [--json] DIR...\n(see the comment at the top of models/spin/conform.mjs)';
let values, dirs;
try {
  ({ values, positionals: dirs } = parseArgs({ allowPositionals: true, options: { 'max-states': { type: 'string' }, timeout: { type: 'string' }, memlim: { type: 'string' }, fair: { type: 'boolean' }, every: { type: 'boolean' }, only: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
} catch (err) { console.error(`conform.mjs: ${err.message}\n${usage}`); process.exit(2); }
if (values.help) { console.log(usage); process.exit(0); }
const maxStates = Number(values['max-states'] ?? 2_000_000);
const timeoutMs = Number(values.timeout ?? 60) * 1000;
const memlim = Number(values.memlim ?? 1024);
const only = values.only ? new RegExp(values.only) : null;
if (dirs.length === 0) { console.error(usage); process.exit(2); }
if (!existsSync(cli)) { console.error(`conform.mjs: ${cli} is missing: run npm run build first`); process.exit(2); }

/** Every model file under dir, sorted (so that runs compare line by line). */
function modelsUnder(dir) {
  const found = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) found.push(...modelsUnder(p));
    else if (/\.(pml|prm|promela)$/.test(e.name)) found.push(p);
  }
  return found.sort();
}

const sh = (file, args, cwd, timeout = timeoutMs) => {
  try { const out = execFileSync(file, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout, killSignal: 'SIGKILL', maxBuffer: 64 << 20 }); return { code: 0, out, stdout: out, timedOut: false }; }
  catch (e) { return { code: e.status, out: `${e.stdout ?? ''}${e.stderr ?? ''}`, stdout: e.stdout ?? '', timedOut: e.signal === 'SIGKILL' || e.code === 'ETIMEDOUT' }; }
};

/** What the model needs beyond a safety run, from SPIN's own preprocessed text (macros and
 * includes expanded), so a claim or label hidden behind a #define is seen. */
function features(pre) {
  const text = pre.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/.*$/gm, ' ');
  return {
    never: /\bnever\s*(\w+\s*)?\{/.test(text),
    ltl: [...text.matchAll(/\bltl\s+(\w+)\s*\{/g)].map((m) => m[1]).concat(/\bltl\s*\{/.test(text) ? ['ltl_0'] : []),
    accept: /\baccept\w*\s*:(?!:)/.test(text),
    progress: /\bprogress\w*\s*:(?!:)/.test(text),
  };
}

/** The model with its ltl blocks blanked (line numbers kept) and SPIN's claim appended. */
function withSpinClaim(source, claim) {
  return source.replace(/^[ \t]*ltl\b[^{]*\{[^}]*\}/gm, (m) => m.replace(/[^\n]/g, ' ')) + '\n' + claim;
}

const COUNTS = ['statesStored', 'statesMatched', 'transitions', 'atomicSteps'];

/** One comparison: pan in `mode` on the model, gosched with the matching flags. */
function compare(model, mode, ltl, pre) {
  const dir = mkdtempSync(join(tmpdir(), 'conform-'));
  try {
    const claimed = pre.never || pre.ltl.length > 0;
    const sp = sh('spin', ['-o1', '-o2', '-o3', '-a', model], dir);
    // spin -a itself may run past the bound (translating a long ltl formula under load).
    if (sp.timedOut) return { status: 'too big', detail: `spin -a ran past ${timeoutMs / 1000} s` };
    if (sp.code !== 0 || !existsSync(join(dir, 'pan.c'))) return { status: 'SPIN rejects', detail: firstLines(sp.out) };
    const np = mode === 'l' || mode === 'lf';
    const safety = mode === 's' && !claimed;
    const cc = ['-O2', ...(safety ? ['-DSAFETY'] : []), '-DNOREDUCE', ...(np ? ['-DNP'] : []), '-DVECTORSZ=4096', `-DMEMLIM=${memlim}`,
      ...(mode.endsWith('f') ? ['-DNFAIR=8'] : []), '-o', 'pan', 'pan.c'];
    const gc = sh('gcc', cc, dir, 180_000);
    if (gc.code !== 0) return { status: 'SPIN rejects', detail: `gcc: ${firstLines(gc.out)}` };
    const panArgs = [...({ s: [], a: ['-a'], af: ['-a', '-f'], l: ['-l'], lf: ['-l', '-f'] })[mode], ...(ltl ? ['-N', ltl] : []), '-m10000'];
    const started = Date.now();
    const pan = sh('./pan', panArgs, dir);
    const panSeconds = (Date.now() - started) / 1000;
    if (pan.timedOut) return { status: 'too big', detail: `pan ran past ${timeoutMs / 1000} s` };
    if (/out of memory|memory limit|reached -DMEMLIM bound/i.test(pan.out)) return { status: 'too big', detail: `pan hit -DMEMLIM=${memlim}` };
    // A vector over -DVECTORSZ=4096 stops pan: a bound of pan's build, not a verdict.
    if (/VECTORSZ too small/.test(pan.out)) return { status: 'too big', detail: 'pan: state vector over -DVECTORSZ=4096' };
    // The liveness parser knows the cycle kinds and the visited count, the safety one
    // every other error kind pan names.
    const spin = parseLivenessPan(pan.out);
    spin.errorKind ??= parsePan(pan.out).errorKind;
    // pan's messages for the kinds gosched names 'channel' and 'index' (see check --help).
    if (spin.errorKind === 'other' && /^pan:\d+: (ref to uninitialized chan|missing pars in receive|too many fields in recv|too few parameters in send)/m.test(pan.out)) spin.errorKind = 'channel';
    if (spin.errorKind === 'other' && /^pan:\d+: indexing /m.test(pan.out)) spin.errorKind = 'index';
    if (spin.statesStored === null || spin.errors === null) return { status: 'SPIN rejects', detail: `pan: ${firstLines(pan.out)}` };
    if (spin.statesStored > maxStates) return { status: 'too big', detail: `pan stored ${spin.statesStored} states` };
    const flags = { s: [], a: ['--accept'], af: ['--accept', '--fair'], l: ['--non-progress'], lf: ['--non-progress', '--fair'] }[mode];
    const run = (file) => sh(process.execPath, [cli, 'check', file, '--json', '--max-depth', '10000', '--memlim', String(memlim), '--trail', join(dir, 'g.trail'), ...flags, ...(ltl ? ['--ltl', ltl] : [])], dir);
    const t0 = Date.now();
    const ours = run(model);
    const ourSeconds = (Date.now() - t0) / 1000;
    if (ours.timedOut) return { status: 'ours too slow', detail: `gosched ran past ${timeoutMs / 1000} s (pan ${panSeconds.toFixed(1)} s, ${spin.statesStored} states)` };
    let got;
    try { got = JSON.parse(ours.stdout); } catch { return { status: 'we reject', detail: `no JSON (exit ${ours.code}): ${firstLines(ours.out)}` }; }
    if (got.exitCode === 2 || got.exitCode === 4) return { status: 'we reject', detail: `${got.exitCode === 4 ? 'INTERNAL ' : ''}${got.error.message.split('\n')[0]}${got.error.line ? ` (line ${got.error.line})` : ''}` };
    if (ours.code === 3) return { status: 'too big', detail: `gosched hit --memlim ${memlim}` };
    const diffs = [];
    // pan without -N checks the first ltl block, as gosched does.
    const claimLtl = ltl ?? (pre.ltl.length > 0 && !pre.never ? pre.ltl[0] : null);
    // With an ltl block, gosched's own claim may be another automaton than SPIN's (SPIN's
    // ends a safety formula's claim in an assert, gosched's in the claim's end): on it only
    // the verdict is compared; the error kind and the counts with SPIN's claim in its place.
    // Without -a, a search with an ltl claim checks only the claim's asserts and its end,
    // which depend on the automaton: there the verdict too is compared with SPIN's claim only.
    if (claimLtl ? mode !== 's' && (got.errors > 0) !== (spin.errors > 0) : (got.error?.kind ?? null) !== spin.errorKind) diffs.push(`kind ${got.error?.kind ?? null} (SPIN ${spin.errorKind})`);
    else if (!claimLtl && got.errors !== spin.errors) diffs.push(`errors ${got.errors} (SPIN ${spin.errors})`);
    let counted = got, countNote = '';
    if (claimLtl) {
      const claims = existsSync(join(dir, '_spin_nvr.tmp')) ? readFileSync(join(dir, '_spin_nvr.tmp'), 'utf8') : null;
      const source = readFileSync(model, 'utf8');
      if (claims === null || /^\s*#\s*include/m.test(source)) { counted = null; countNote = ' (verdict only: counts not compared)'; }
      // pan keeps _last in its state when the model names it, in an ltl block too; with
      // that block blanked and a claim that does not name it, the checker would not.
      else if (/\b_last\b/.test(source) && !/\b_last\b/.test(withSpinClaim(source, pickClaim(claims, claimLtl)))) { counted = null; countNote = ' (verdict only: _last is named in the ltl block alone)'; }
      else {
        const alt = join(dir, `spinclaim-${basename(model)}`);
        writeFileSync(alt, withSpinClaim(source, pickClaim(claims, claimLtl)));
        // SPIN's claim keeps the formula's name (never NAME): beside a never claim of the
        // model's own, which is checked by default, it is picked by that name.
        const pick = pre.never ? ['--ltl', claimLtl] : [];
        const o = sh(process.execPath, [cli, 'check', alt, '--json', '--max-depth', '10000', '--memlim', String(memlim), '--trail', join(dir, 'g2.trail'), ...flags, ...pick], dir);
        try { counted = JSON.parse(o.stdout); } catch { counted = null; countNote = ` (with SPIN's claim: ${firstLines(o.out)})`; }
        if (counted && counted.exitCode) { countNote = ` (with SPIN's claim: ${counted.error?.message?.split('\n')[0]})`; counted = null; }
        if (counted && (counted.error?.kind ?? null) !== spin.errorKind) diffs.push(`kind with SPIN's claim ${counted.error?.kind ?? null} (SPIN ${spin.errorKind})`);
      }
    }
    if (counted) {
      // Past 1e8 pan prints a count with eight significant digits (3.4817974e+08).
      const same = (ours, pan) => ours === pan || (ours >= 1e8 && Number(ours.toPrecision(8)) === pan);
      for (const k of COUNTS) if (!same(counted[k], spin[k])) diffs.push(`${k} ${counted[k]} (SPIN ${spin[k]})`);
      if (mode !== 's' && counted.statesVisited !== undefined && counted.statesVisited !== spin.statesVisited) diffs.push(`statesVisited ${counted.statesVisited} (SPIN ${spin.statesVisited})`);
      if (spin.depthReached !== null && counted.depthReached !== spin.depthReached && mode === 's') diffs.push(`depthReached ${counted.depthReached} (SPIN ${spin.depthReached})`);
    }
    // The counterexample: pan's trail and ours, each listed by `gosched replay` (which
    // recovers pan's moves from its transition numbers), must be the same steps. Not for an
    // ltl block (our claim is another automaton), nor where replay cannot read pan's trail.
    let trailNote = '';
    if (!claimLtl && spin.errors > 0 && got.errors > 0) {
      const panTrail = join(dir, `${basename(model)}.trail`);
      const replay = (t) => sh(process.execPath, [cli, 'replay', model, t], dir);
      if (!existsSync(panTrail)) trailNote = '; pan wrote no trail';
      else {
        const theirs = replay(panTrail), ours = replay(join(dir, 'g.trail'));
        if (theirs.timedOut || theirs.code === 2 || theirs.code === 4) trailNote = `; pan's trail not replayed: ${firstLines(theirs.out)}`;
        else if (ours.out !== theirs.out) diffs.push(`counterexample (replayed: ours ${ours.out.split('\n').length} lines, pan's ${theirs.out.split('\n').length})`);
        else trailNote = `; same counterexample, ${(/trail ends after (\d+) steps/.exec(ours.out) ?? [])[1] ?? '?'} steps`;
      }
    }
    const figures = `${spin.errors ? spin.errorKind : 'no error'}, ${spin.statesStored} states; pan ${panSeconds.toFixed(1)} s, gosched ${ourSeconds.toFixed(1)} s${trailNote}`;
    return diffs.length === 0 ? { status: 'agree', detail: figures + countNote } : { status: 'differ', detail: diffs.join(', ') + countNote };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function firstLines(text) {
  return text.trim().split('\n').filter((l) => l.trim() !== '').slice(0, 2).join(' | ').slice(0, 200);
}

/** The model's text after the C preprocessor SPIN uses (gcc -E -x c), or its raw text if that fails. */
function preprocessed(model) {
  const r = sh('gcc', ['-E', '-P', '-x', 'c', model], dirname(model), 30_000);
  return r.code === 0 ? r.out : readFileSync(model, 'utf8');
}

const results = [];
for (const d of dirs) {
  if (!existsSync(d) || !statSync(d).isDirectory()) { console.error(`conform.mjs: ${d}: not a directory`); process.exit(2); }
  for (const model of modelsUnder(resolve(d))) {
    const name = relative(resolve(d), model);
    if (only && !only.test(name)) continue;
    const pre = features(preprocessed(model));
    const runs = [['s', null]];
    const claimed = pre.never || pre.ltl.length > 0;
    if (pre.never) runs.push(['a', null]);
    for (const l of pre.ltl) runs.push(['a', l]);
    if (!claimed && (pre.accept || values.every)) runs.push(['a', null]);
    if (!claimed && (pre.progress || values.every)) runs.push(['l', null]);
    if (values.fair) for (const [m, l] of runs.slice()) if (m !== 's') runs.push([m + 'f', l]);
    for (const [mode, ltl] of runs) {
      const r = { model: name, dir: d, mode: mode === 's' ? '' : `-${mode.split('').join(' -')}`, ltl, ...compare(model, mode, ltl, pre) };
      results.push(r);
      if (!values.json) console.log(`${r.status.padEnd(13)} ${(name + (r.mode ? ' ' + r.mode : '') + (ltl ? ` -N ${ltl}` : '')).padEnd(52)} ${r.detail}`);
    }
  }
}
const tally = {};
for (const r of results) tally[r.status] = (tally[r.status] ?? 0) + 1;
const modelsSeen = new Set(results.map((r) => `${r.dir}/${r.model}`)).size;
if (values.json) console.log(JSON.stringify({ models: modelsSeen, runs: results.length, tally, results }, null, 2));
else console.log(`${modelsSeen} models, ${results.length} runs: ${Object.entries(tally).map(([k, v]) => `${v} ${k}`).join(', ')}`);
process.exitCode = tally.differ ? 1 : 0;
