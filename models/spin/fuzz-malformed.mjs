#!/usr/bin/env node
// Malformed-input sweep of the checker's front end: mutates every models/spin/*.pml
// (delete a token, duplicate one, swap two, truncate at a point, replace an identifier,
// insert a stray character), seeded and deterministic, and runs SPIN (`spin -a`, in a
// temporary directory) and `gosched check --json` on each mutant. Reports:
//   (i)   gosched exited 4, printed a stack trace, printed no JSON, or ran past the time
//         bound: always a bug;
//   (ii)  SPIN refuses the mutant (a syntax or semantic error) and gosched runs it;
//   (iii) gosched refuses it (exit 2) and SPIN accepts it: fine when the message is a
//         documented "not supported" naming the construct, else a disagreement;
//   (iv)  a refusal (exit 2, JSON error) without file:line:col.
// A dev script for people with SPIN 6.5.2 on PATH and the project built (npm run build);
// tests never run it.
//
//   node models/spin/fuzz-malformed.mjs [--seed S] [--per-op N] [--jobs J] [--only NAME,..]
//                                       [--keep DIR] [--verbose]
//
// --per-op N mutants of each kind per model (default 1); --keep DIR writes each mutant
// with a finding there (NAME.OP.K.pml) to reproduce it. Exits 1 when (i), (ii), a (iii)
// disagreement or (iv) was found, else 0.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './mulberry32.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '../../dist/src/cli.js');
const BOUND_MS = 20_000;
const OPS = ['delete', 'duplicate', 'swap', 'truncate', 'replace-id', 'stray-char'];

function usage(msg) {
  process.stderr.write(`fuzz-malformed: ${msg}\nusage: node models/spin/fuzz-malformed.mjs [--seed S] [--per-op N] [--jobs J] [--only NAME,..] [--keep DIR] [--verbose]\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const o = { seed: 1, perOp: 1, jobs: 2, only: null, keep: null, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    const int = (v, min) => {
      if (!/^-?\d+$/.test(v) || Number(v) < min) usage(`${a}: expected an integer >= ${min}, got '${v}'`);
      return Number(v);
    };
    if (a === '--seed') o.seed = int(val(), -(2 ** 31));
    else if (a === '--per-op') o.perOp = int(val(), 1);
    else if (a === '--jobs') o.jobs = int(val(), 1);
    else if (a === '--only') o.only = val().split(',');
    else if (a === '--keep') o.keep = val();
    else if (a === '--verbose') o.verbose = true;
    else usage(`unknown argument '${a}'`);
  }
  return o;
}

/** String hash, to give each (model, op, k) its own stream from the one seed. */
function hash(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

// Tokens of Promela text, with their offsets; comments and blank space are not tokens
// (a mutation of a comment tells nothing). Preprocessor lines are tokens like the rest.
const TOKEN = /\/\*[\s\S]*?\*\/|\/\/[^\n]*|\s+|"(?:[^"\\\n]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*|\d+|->|::|\+\+|--|&&|\|\||==|!=|<=|>=|<<|>>|\?\?|!!|[^\s]/g;

function tokens(text) {
  const out = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    if (/^\s/.test(t) || t.startsWith('//') || t.startsWith('/*')) continue;
    out.push({ text: t, start: m.index, end: m.index + t.length, id: /^[A-Za-z_]/.test(t) });
  }
  return out;
}

const STRAY = ['@', '$', '`', '\\', '#', '%', '^', '~', '?', '!', ';', ':', '{', '}', '(', ')', '[', ']', ',', '.', '"', "'", '|', '&', '=', '<', '>', '-', '+', '*', '/', '0', 'x'];

/** One mutant of text, or null where the operator has nothing to act on. */
function mutate(text, op, rand) {
  const toks = tokens(text);
  if (toks.length < 2) return null;
  const pick = (n) => Math.floor(rand() * n);
  const splice = (start, end, ins) => text.slice(0, start) + ins + text.slice(end);
  switch (op) {
    case 'delete': {
      const t = toks[pick(toks.length)];
      return { text: splice(t.start, t.end, ''), what: `deleted '${t.text}'`, at: t.start };
    }
    case 'duplicate': {
      const t = toks[pick(toks.length)];
      return { text: splice(t.end, t.end, ` ${t.text}`), what: `duplicated '${t.text}'`, at: t.start };
    }
    case 'swap': {
      const i = pick(toks.length);
      let j = pick(toks.length);
      if (j === i) j = (i + 1) % toks.length;
      const [a, b] = i < j ? [toks[i], toks[j]] : [toks[j], toks[i]];
      if (a.text === b.text) return null;
      const swapped = text.slice(0, a.start) + b.text + text.slice(a.end, b.start) + a.text + text.slice(b.end);
      return { text: swapped, what: `swapped '${a.text}' and '${b.text}'`, at: a.start };
    }
    case 'truncate': {
      const at = pick(text.length);
      return { text: text.slice(0, at), what: `truncated at offset ${at}`, at };
    }
    case 'replace-id': {
      const ids = toks.filter((t) => t.id);
      if (ids.length === 0) return null;
      const t = ids[pick(ids.length)];
      const names = [...new Set(ids.map((x) => x.text))];
      const by = rand() < 0.5 ? names[pick(names.length)] : `zz${pick(100)}`;
      if (by === t.text) return null;
      return { text: splice(t.start, t.end, by), what: `replaced '${t.text}' by '${by}'`, at: t.start };
    }
    case 'stray-char': {
      const at = pick(text.length + 1);
      const c = STRAY[pick(STRAY.length)];
      return { text: splice(at, at, c), what: `inserted '${c}'`, at };
    }
  }
  throw new Error(`unknown operator ${op}`);
}

function lineCol(text, at) {
  const before = text.slice(0, at).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

function run(cmd, args, cwd) {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, timeout: BOUND_MS, killSignal: 'SIGKILL', maxBuffer: 64 << 20, encoding: 'utf8' }, (err, stdout, stderr) => {
      resolve({
        code: err ? (typeof err.code === 'number' ? err.code : null) : 0,
        killed: err?.killed === true || err?.signal === 'SIGKILL',
        signal: err?.signal ?? null,
        stdout,
        stderr,
      });
    });
  });
}

/** Files a model #includes (copied beside its mutant). */
function includes(text) {
  return [...text.matchAll(/#include\s+"([^"]+)"/g)].map((m) => m[1]);
}

async function checkOne(model, mutant, dir) {
  const file = join(dir, `${model.name}.pml`);
  writeFileSync(file, mutant.text);
  for (const inc of includes(model.text)) {
    const src = join(here, inc);
    if (existsSync(src)) {
      mkdirSync(dirname(join(dir, inc)), { recursive: true });
      copyFileSync(src, join(dir, inc));
    }
  }
  const spin = await run('spin', ['-o1', '-o2', '-o3', '-a', `${model.name}.pml`], dir);
  const spinText = spin.stdout + spin.stderr;
  // SPIN refuses a model when it exits non-zero or writes no pan.c; it prints some
  // errors ("saw 'unless' on a guard") and builds pan all the same, which is acceptance.
  const spinRefuses = spin.code !== 0 || !existsSync(join(dir, 'pan.c'));
  const g = await run(process.execPath, [cli, 'check', `${model.name}.pml`, '--json', '--memlim', '64', '--trail', join(dir, 'x.trail')], dir);
  let json = null;
  try {
    json = JSON.parse(g.stdout);
  } catch {
    // no JSON: a finding of kind (i)
  }
  const findings = [];
  const stackTrace = /\n\s+at .+[:(]\d+:\d+\)?$/m.test(g.stderr) || /\n\s+at .+[:(]\d+:\d+\)?$/m.test(g.stdout);
  if (g.killed) findings.push(['i', `gosched ran past ${BOUND_MS / 1000} s`]);
  else if (g.code === 4) findings.push(['i', `gosched exited 4: ${(json?.error?.message ?? g.stderr).split('\n')[0]}`]);
  else if (g.code === null) findings.push(['i', `gosched ended by signal ${g.signal}`]);
  else if (json === null) findings.push(['i', `gosched exited ${g.code} without JSON on stdout: ${g.stderr.split('\n')[0]}`]);
  if (stackTrace) findings.push(['i', `gosched printed a stack trace: ${g.stderr.split('\n').slice(0, 3).join(' / ')}`]);
  const refused = g.code === 2;
  const ran = g.code === 0 || g.code === 1 || g.code === 3;
  const spinLine = spinText.split('\n').find((l) => /Error|error/.test(l)) ?? spinText.split('\n')[0];
  if (spinRefuses && ran) findings.push(['ii', `SPIN refuses (${spinLine.trim()}), gosched ran it (exit ${g.code})`]);
  if (refused && !spinRefuses) {
    const msg = json?.error?.message ?? g.stderr.split('\n')[0];
    if (/not supported/.test(msg)) findings.push(['iii-documented', msg]);
    else findings.push(['iii', `gosched refuses (${msg}), SPIN accepts`]);
  }
  if (refused && json?.error !== undefined && !(json.error.line > 0 && json.error.col > 0)) {
    findings.push(['iv', `refusal without line:col: ${json.error.message}`]);
  }
  return { findings, agree: (spinRefuses && refused) || (!spinRefuses && ran), spinRefuses, code: g.code };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!existsSync(cli)) usage(`${cli} is missing: run npm run build first`);
  const names = readdirSync(here).filter((f) => f.endsWith('.pml')).map((f) => basename(f, '.pml')).sort()
    .filter((n) => o.only === null || o.only.includes(n));
  if (names.length === 0) usage('no model matches --only');
  const jobs = [];
  for (const name of names) {
    const text = readFileSync(join(here, `${name}.pml`), 'utf8');
    for (const op of OPS) {
      for (let k = 0; k < o.perOp; k++) {
        const g = mulberry32(hash(`${o.seed}/${name}/${op}/${k}`));
        const m = mutate(text, op, () => g.next());
        if (m !== null) jobs.push({ model: { name, text }, op, k, mutant: m });
      }
    }
  }
  if (o.keep) mkdirSync(o.keep, { recursive: true });
  const counts = { mutants: jobs.length, bothRefuse: 0, bothAccept: 0, i: 0, ii: 0, iii: 0, 'iii-documented': 0, iv: 0 };
  const lines = [];
  let next = 0;
  let done = 0;
  const t0 = Date.now();
  async function worker() {
    while (next < jobs.length) {
      const j = jobs[next++];
      const dir = mkdtempSync(join(tmpdir(), 'gosched-malformed-'));
      try {
        const r = await checkOne(j.model, j.mutant, dir);
        if (r.agree && r.spinRefuses) counts.bothRefuse++;
        else if (r.agree) counts.bothAccept++;
        const where = `${j.model.name}.pml ${j.op} #${j.k} (${j.mutant.what} at ${lineCol(j.model.text, j.mutant.at)})`;
        for (const [kind, msg] of r.findings) {
          counts[kind]++;
          lines.push(`(${kind}) ${where}: ${msg}`);
        }
        if (r.findings.some(([kind]) => kind !== 'iii-documented') && o.keep) {
          writeFileSync(join(o.keep, `${j.model.name}.${j.op}.${j.k}.pml`), j.mutant.text);
        }
        if (o.verbose) process.stderr.write(`${where}: spin ${r.spinRefuses ? 'refuses' : 'accepts'}, gosched exit ${r.code}\n`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      done++;
      if (!o.verbose && process.stderr.isTTY) process.stderr.write(`\r${done}/${jobs.length}`);
    }
  }
  await Promise.all(Array.from({ length: o.jobs }, worker));
  if (!o.verbose && process.stderr.isTTY) process.stderr.write('\n');
  lines.sort();
  for (const l of lines) console.log(l);
  console.log(`seed ${o.seed}, ${o.perOp} per operator, ${names.length} models, ${counts.mutants} mutants in ${((Date.now() - t0) / 1000).toFixed(0)} s: ` +
    `${counts.bothRefuse} refused by both, ${counts.bothAccept} accepted by both; ` +
    `(i) ${counts.i}, (ii) ${counts.ii}, (iii) ${counts.iii} (+${counts['iii-documented']} documented not supported), (iv) ${counts.iv}`);
  process.exit(counts.i + counts.ii + counts.iii + counts.iv > 0 ? 1 : 0);
}

await main();
