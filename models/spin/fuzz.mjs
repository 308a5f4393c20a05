#!/usr/bin/env node
// Differential fuzzing of `gosched check` against SPIN 6.5.2 (a developer's tool; tests never
// run it). It writes random small Promela models, runs both with the fixed settings
//   spin -o1 -o2 -o3 -a M.pml && gcc -O0 -DSAFETY -DNOREDUCE -o pan pan.c && ./pan -m10000
//   node dist/src/cli.js check M.pml --json --max-depth 10000
// and reports every model on which the verdict, a count or the depth of pan's error line
// ("(at depth N)", the JSON error's depth) differs. Models that disagree are
// kept in the output folder for a person to shrink into a regular models/spin model.
//
//   node models/spin/fuzz.mjs [--count N] [--seed=S] [--out DIR] [--show] [--no-rendezvous] [--classic | --wide | --more]
// (--show prints each model and why a model was skipped; a negative seed needs --seed=S;
// --classic writes the models of the fuzzer before nested unless and for-in were added, so
// that seeds recorded before then give the same models; --wide writes the models of
// fuzz-wide.mjs instead: the types, operators, channel forms, remote references and
// statements listed there, which the default models never use; --trace adds a random
// trace or notrace over the channels of a default model that has any, fuzz-trace.mjs;
// --trace-skips adds to it the forms pan runs as a move that matches any event; --more writes
// the models of fuzz-more.mjs: priorities, unsigned bit-fields, for (m in channel))
//
// The generated models use globals kept small (values mod 4), a hidden global, up to two
// channels (a rendezvous one and a buffered one in the same model), if/do with else, break,
// goto, end labels, run, atomic, d_step (of always-executable statements), unless (nested up
// to three deep, as a do/if option's first statement, with escapes of one or two moves),
// for (i in arr), select, send, sorted send, receive, random receive, receive without
// removal, timeout and assert.
// It counts the longest run of consecutive models that agree (--stop ends at the first
// disagreement).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFuzzArgs } from './fuzz-args.mjs';
import { parsePan } from './regen.mjs';
import { mulberry32 } from './mulberry32.mjs';
import { wideModel } from './fuzz-wide.mjs';
import { moreModel } from './fuzz-more.mjs';
import { traceBlock } from './fuzz-trace.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cli = resolve(here, '../../dist/src/cli.js');
const values = parseFuzzArgs('models/spin/fuzz.mjs', { count: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, show: { type: 'boolean' }, 'no-rendezvous': { type: 'boolean' }, stop: { type: 'boolean' }, classic: { type: 'boolean' }, wide: { type: 'boolean' }, more: { type: 'boolean' }, trace: { type: 'boolean' }, 'trace-skips': { type: 'boolean' } },
  '[--count N] [--seed=S] [--out DIR] [--show] [--no-rendezvous] [--stop] [--classic | --wide | --more] [--trace [--trace-skips]]');
const classic = values.classic === true;
const count = Number(values.count ?? 50);
const gen = mulberry32(Number(values.seed ?? Date.now() % 1e9));
const out = values.out ?? join(tmpdir(), 'gosched-fuzz');
mkdirSync(out, { recursive: true });

const rng = gen.next;
const pick = (xs) => xs[Math.floor(rng() * xs.length)];
const chance = (p) => rng() < p;

const GLOBALS = ['a', 'b', 'c'];
const expr = () => pick([
  () => `${pick(GLOBALS)}`,
  () => `${Math.floor(rng() * 4)}`,
  () => `(${pick(GLOBALS)} + ${1 + Math.floor(rng() * 3)}) % 4`,
  () => `(${pick(GLOBALS)} > ${pick(GLOBALS)} -> 1 : 2)`,
  () => `${pick(GLOBALS)} ^ ${Math.floor(rng() * 4)}`,
])();
const cond = () => pick([
  () => `${pick(GLOBALS)} == ${Math.floor(rng() * 4)}`,
  () => `${pick(GLOBALS)} != ${pick(GLOBALS)}`,
  () => `${pick(GLOBALS)} < ${1 + Math.floor(rng() * 3)}`,
  () => `(${pick(GLOBALS)} == 0 || ${pick(GLOBALS)} == 1)`,
])();
// `h` is hidden: assigned and read like the others, yet not part of the state.
let hiddenOk = false;
const assign = () => hiddenOk && chance(0.15)
  ? pick([() => `h = ${expr()}`, () => `${pick(GLOBALS)} = h`])()
  : `${pick(GLOBALS)} = ${expr()}`;

function simple(ind, inLoop, channel) {
  const options = [
    () => assign(),
    () => assign(),
    () => `${cond()}`,
    () => `skip`,
  ];
  for (const ch of channel || []) {
    options.push(() => `${ch}!${expr()}`, () => `${ch}?${pick(GLOBALS)}`);
    if (ch === 'bq') {
      options.push(() => `nempty(bq) -> bq?_`, () => `bq!!${expr()}`, () => `bq??${pick(GLOBALS)}`,
        () => `bq??${Math.floor(rng() * 4)}`, () => `bq?<${pick(GLOBALS)}>`, () => `bq??[${Math.floor(rng() * 4)}] -> ${assign()}`);
    } else options.push(() => `nempty(${ch}) -> ${ch}?_`);
  }
  if (chance(0.1)) options.push(() => `select(${pick(GLOBALS)} : ${pick(['0 .. 2', '1 .. 3', '0 .. 40'])})`);
  if (inLoop) options.push(() => `${cond()} -> break`);
  if (inFor) options.push(() => `arr[i] = ${expr()}`, () => `${pick(GLOBALS)} = arr[i]`);
  if (gotoOk) options.push(() => `${cond()} -> goto again`);
  if (chance(0.05)) options.push(() => `timeout -> ${assign()}`);
  if (chance(0.15)) options.push(() => `assert(${cond()})`);
  return pick(options)();
}

function dstepBody() {
  // No hidden variable inside a d_step: pan does not undo those (see README.md).
  const saved = hiddenOk;
  hiddenOk = false;
  const parts = [assign()];
  if (chance(0.5)) parts.push(`if\n:: ${cond()} -> ${assign()}\n:: else -> skip\nfi`);
  if (chance(0.5)) parts.push(assign());
  hiddenOk = saved;
  return parts.join('; ');
}

// An unless escape: a guarded assignment, or (not --classic) an if of two such, whose
// moves pan tries in reverse.
function escape() {
  if (classic || chance(0.7)) return `${cond()} -> ${assign()}`;
  return `if :: ${cond()} -> ${assign()} :: ${cond()} -> ${assign()} fi`;
}

let inFor = false;

function block(ind, depth, inLoop, channel, n) {
  const stmts = [];
  // Nested unless goes one level deeper than the other compound statements.
  const unlessDepth = classic ? 2 : 3;
  for (let i = 0; i < n; i++) {
    const r = rng();
    if (depth < 2 && r < 0.15) {
      const opts = [];
      const k = 2 + Math.floor(rng() * 2);
      for (let j = 0; j < k; j++) opts.push(`${ind}:: ${option(ind, depth, inLoop, channel)}`);
      if (chance(0.5)) opts.push(`${ind}:: else -> ${block(ind + '\t', depth + 1, inLoop, channel, 1)}`);
      stmts.push(`if\n${opts.join('\n')}\n${ind}fi`);
    } else if (depth < 2 && r < 0.25) {
      const opts = [`${ind}:: ${cond()} -> break`];
      opts.push(`${ind}:: ${cond()} -> ${block(ind + '\t', depth + 1, true, channel, 1 + Math.floor(rng() * 2))}`);
      if (chance(0.5)) opts.push(`${ind}:: else -> ${block(ind + '\t', depth + 1, true, channel, 1)}`);
      else opts.push(`${ind}:: ${assign()}`);
      stmts.push(`do\n${opts.join('\n')}\n${ind}od`);
    } else if (depth < unlessDepth && r < 0.3) {
      // unless: the escape starts with a condition so that it is not always enabled.
      stmts.push(`{ ${block(ind + '\t', depth + 1, inLoop, channel, 2)} } unless { ${escape()} }`);
    } else if (depth < 2 && r < 0.35) {
      stmts.push(`atomic { ${block(ind + '\t', depth + 1, inLoop, channel, 2)} }`);
    } else if (!classic && depth < 2 && !inFor && r < 0.38) {
      inFor = true;
      stmts.push(`for (i in arr) { ${block(ind + '\t', depth + 1, true, channel, 1 + Math.floor(rng() * 2))} }`);
      inFor = false;
    } else if (r < 0.42) {
      stmts.push(`d_step { ${dstepBody()} }`);
    } else {
      stmts.push(simple(ind, inLoop, channel));
    }
  }
  return stmts.join(`;\n${ind}`);
}

// An if option: a guard and a statement, or (not --classic) now and then an unless as the
// option's first statement (SPIN warns "saw 'unless' on a guard" and offers the escape in
// the if's own state).
function option(ind, depth, inLoop, channel) {
  if (!classic && chance(0.1)) return `{ ${block(ind + '\t', depth + 1, inLoop, channel, 1)} } unless { ${escape()} }`;
  return `${cond()} -> ${block(ind + '\t', depth + 1, inLoop, channel, 1)}`;
}

let gotoOk = false;

function model() {
  // Channels: none, one (`ch`, rendezvous or buffered), or a rendezvous `ch` beside a
  // buffered `bq`, so that offers on one meet moves on the other.
  const r = rng();
  const mixed = !values['no-rendezvous'] && r < 0.3;
  const channel = mixed ? ['ch', 'bq'] : r < 0.7 ? ['ch'] : null;
  hiddenOk = chance(0.3);
  const lines = [`byte ${GLOBALS.join(', ')};`];
  if (!classic) lines.push('byte arr[2];');
  if (hiddenOk) lines.push('hidden byte h;');
  if (mixed) lines.push('chan ch = [0] of { byte };', `chan bq = [${pick([1, 2])}] of { byte };`);
  else if (channel) lines.push(`chan ch = [${pick(values['no-rendezvous'] ? [1, 2] : [0, 1, 2])}] of { byte };`);
  const procs = 2 + Math.floor(rng() * 2);
  const spawn = chance(0.25);
  for (let p = 0; p < procs; p++) {
    const n = chance(0.3) ? 2 : 1;
    lines.push(`active${n > 1 ? ` [${n}]` : ''} proctype P${p}() {`);
    if (!classic) lines.push('\tbyte i;');
    gotoOk = chance(0.3);
    const head = spawn && p === 0 ? `${chance(0.5) ? 'atomic { run Q(); ' + assign() + ' }' : 'run Q()'};\n\t` : '';
    const body = block('\t', 0, false, channel, 2 + Math.floor(rng() * 4));
    const label = gotoOk ? 'again:\n\t' : chance(0.2) ? 'end:\n\t' : '';
    lines.push(`\t${head}${label}${body}`);
    gotoOk = false;
    lines.push('}');
  }
  if (spawn) lines.push(`proctype Q() {\n${classic ? '' : '\tbyte i;\n'}\t${block('\t', 0, false, channel, 2)}\n}`);
  if (values.trace && channel) lines.push(traceBlock(rng, channel, values['trace-skips'] === true));
  return lines.join('\n') + '\n';
}

const sh = (file, args, cwd) => {
  try { return { code: 0, out: execFileSync(file, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 }) }; }
  catch (e) { return { code: e.status, out: `${e.stdout ?? ''}${e.stderr ?? ''}` }; }
};

let same = 0, differ = 0, skipped = 0, run = 0, bestRun = 0;
for (let i = 0; i < count; i++) {
  const startSeed = gen.state;
  const text = values.more ? moreModel(rng) : values.wide ? wideModel(rng) : model();
  const dir = mkdtempSync(join(tmpdir(), 'fuzz-'));
  try {
    writeFileSync(join(dir, 'm.pml'), text);
    if (values.show) console.log(`--- seed ${startSeed}\n${text}`);
    const sp = sh('spin', ['-o1', '-o2', '-o3', '-a', 'm.pml'], dir);
    if (sp.code !== 0) { skipped++; if (values.show) console.log(`skipped: ${sp.out}`); continue; }
    // -O0: pan compiles several times faster; its counts do not depend on optimisation.
    if (sh('gcc', ['-O0', '-DSAFETY', '-DNOREDUCE', '-o', 'pan', 'pan.c'], dir).code !== 0) { skipped++; continue; }
    const panOut = sh('./pan', ['-m10000'], dir).out;
    // pan's state vector is bounded at compile time (VECTORSZ 1024); the checker's is not.
    if (/VECTORSZ too small/.test(panOut)) { skipped++; if (values.show) console.log('skipped: VECTORSZ too small'); continue; }
    const spin = parsePan(panOut);
    // Too big, or atomic loops run to the depth bound millions of times (a known speed gap,
    // not a semantic question): not compared.
    if (spin.statesStored === null || spin.statesStored > 200000 || spin.atomicSteps > 2_000_000) { skipped++; continue; }
    const ours = sh(process.execPath, [cli, 'check', 'm.pml', '--json', '--max-depth', '10000', '--trail', join(dir, 't')], dir);
    let got;
    try { got = JSON.parse(ours.out); } catch { got = { unparsed: ours.out.slice(0, 300) }; }
    const keys = ['errors', 'statesStored', 'statesMatched', 'transitions', 'atomicSteps', 'depthReached', 'depthLimitHit'];
    const diffs = keys.filter((k) => got[k] !== spin[k]).map((k) => `${k} ${got[k]} (SPIN ${spin[k]})`);
    if ((got.error?.kind ?? null) !== spin.errorKind) diffs.unshift(`kind ${got.error?.kind ?? null} (SPIN ${spin.errorKind})`);
    const panDepth = /^pan:1: .*\(at depth (-?\d+)\)$/m.exec(panOut);
    if ((got.error?.depth ?? null) !== (panDepth ? Number(panDepth[1]) : null)) diffs.push(`error depth ${got.error?.depth ?? null} (SPIN ${panDepth?.[1] ?? null})`);
    if (got.unparsed !== undefined) diffs.unshift(`no JSON: ${got.unparsed}`);
    if (diffs.length === 0) { same++; run++; bestRun = Math.max(bestRun, run); continue; }
    differ++; run = 0;
    const keep = join(out, `fuzz-${startSeed}.pml`);
    writeFileSync(keep, `// seed ${startSeed}: ${diffs.join(', ')}\n${text}`);
    console.log(`DIFFERS seed ${startSeed}: ${diffs.join(', ')} -> ${keep}`);
    if (values.stop) break;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    // In finally: the loop body leaves by `continue` on most paths.
    if ((i + 1) % 50 === 0) console.log(`after ${i + 1}: ${same} agree, ${differ} differ, ${skipped} skipped; longest agreeing run ${bestRun}`);
  }
}
console.log(`${same + differ + skipped} models: ${same} agree, ${differ} differ, ${skipped} skipped (SPIN rejected or too big); longest run of agreeing models: ${bestRun}`);
process.exitCode = differ > 0 ? 1 : 0;
