#!/usr/bin/env node
// Mutants of the commit's Promela model, ../shared/seed/proc.p (beside the repository).
// The project carries no copy of proc.p: each NAME.json holds a description and a list of
// {find, with} replacements, each of which must match exactly once. This script applies
// them in a temporary directory, runs SPIN 6.5.2 on the result and stores SPIN's verdict
// under "spin" in NAME.json. It is for people with SPIN and gcc; tests never run it.
//
//   node models/mutants/regen.mjs [NAME ...]
//
// SPIN commands (the same settings as models/spin, with proc.p's depth bound):
//   spin -o1 -o2 -o3 -a NAME.pml && gcc -O2 -DSAFETY -DNOREDUCE -o pan pan.c && ./pan -m500000
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePan, runSpin } from '../spin/regen.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const procP = resolve(here, '../../../shared/seed/proc.p');

/** Applies a mutant's replacements to the text of proc.p; each find must occur exactly once. */
export function applyMutant(source, mutant) {
  let text = source;
  for (const { find, with: replacement } of mutant.replace) {
    const first = text.indexOf(find);
    if (first < 0 || text.indexOf(find, first + 1) >= 0) throw new Error(`'${find}' must occur exactly once`);
    text = text.slice(0, first) + replacement + text.slice(first + find.length);
  }
  return text;
}

function regen(name) {
  const file = join(here, `${name}.json`);
  const mutant = JSON.parse(readFileSync(file, 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'mutant-'));
  try {
    writeFileSync(join(dir, `${name}.pml`), applyMutant(readFileSync(procP, 'utf8'), mutant));
    const { command, out } = runSpin(dir, name, 500000);
    const p = parsePan(out);
    const violation = /^pan:\d+: (.*)$/m.exec(out)?.[1] ?? null;
    let failedLine = null;
    if (p.errors) {
      const replay = execFileSync('spin', ['-t', `${name}.pml`], { cwd: dir, encoding: 'utf8' });
      failedLine = Number(/\.pml:(\d+), Error:/.exec(replay)?.[1] ?? NaN) || null;
    }
    mutant.spin = {
      command,
      spinVersion: /Spin Version (\S+)/.exec(out)?.[1] ?? null,
      errors: p.errors,
      errorKind: p.errorKind,
      violation,
      failedLine,
      statesStored: p.statesStored,
      statesMatched: p.statesMatched,
      transitions: p.transitions,
      depthReached: p.depthReached,
      elapsed: /pan: elapsed time (\S+) seconds/.exec(out)?.[1] ?? null,
    };
    writeFileSync(file, JSON.stringify(mutant, null, 2) + '\n');
    console.log(`${name.padEnd(36)} ${violation ?? 'no error'} line ${failedLine} stored=${p.statesStored} depth=${p.depthReached}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const names = process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(here).filter((f) => f.endsWith('.json')).map((f) => basename(f, '.json')).sort();
  for (const name of names) regen(name);
}
