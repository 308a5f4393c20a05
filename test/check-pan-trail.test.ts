// `gosched replay` follows a trail written by SPIN's pan: the same processes take the same
// statements on the same lines, step for step, as `spin -t -p` lists them (stored beside
// each trail in models/spin/pan-trails, made by SPIN 6.5.2), with SPIN's state numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeRun, repoRoot, runCli } from './support/check-cli.js';
import { compileModel } from '../src/check/model.js';
import { panTransitionIds, resolvePanTrail } from '../src/check/pan-trail.js';
import { parsePanTrail } from '../src/check/trail.js';

const dir = join(repoRoot, 'models', 'spin', 'pan-trails');

/** The step lines of a spin -t -p listing: step, pid, proctype, line, state number; and the
 * Starting and terminates lines, in order. */
function steps(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+):\tproc\s+(\d+) \((\S+):1\) \S+:(\d+) \(state (\d+)\)\t\[/.exec(line);
    if (m) out.push(`${m[1]} ${m[2]} ${m[3]} ${m[4]} state ${m[5]}`);
    const s = /^Starting (\S+) with pid (\d+)$/.exec(line);
    if (s) out.push(`start ${s[1]} ${s[2]}`);
    const t = /^\s*(\d+): proc (\d+) terminates$/.exec(line);
    if (t) out.push(`${t[1]} ${t[2]} terminates`);
  }
  return out;
}

const trails = [
  ['race_counter', /Error: assertion violated/], ['philosophers_deadlock', /invalid end state/],
  ['unless_escape_reversed', /Error: assertion violated/], ['unless_nested', /invalid end state/],
  ['trace_no_match', /Error: event_trace error \(no matching event\)/],
  ['trace_declared_first', /Error: event_trace error \(no matching event\)/],
] as const;

for (const [name, error] of trails) {
  test(`replay of pan's trail for ${name} takes spin -t -p's steps`, { timeout: 60_000 }, async () => {
    const run = await runCli(['replay', join(repoRoot, 'models', 'spin', `${name}.pml`), join(dir, `${name}.pml.trail`)], 50_000);
    assert.equal(run.code, 1, describeRun(run));
    assert.match(run.stdout, error);
    const spin = steps(readFileSync(join(dir, `${name}.spin-t-p.txt`), 'utf8'));
    assert.ok(spin.length >= 12, `only ${spin.length} steps in the spin listing`);
    assert.deepEqual(steps(run.stdout), spin);
    // The processes left where they cannot end: spin lists each process's place at the end
    // of the trail (those at an end state marked so); gosched names the others.
    if (/invalid end state/.test(String(error))) {
      const listing = readFileSync(join(dir, `${name}.spin-t-p.txt`), 'utf8');
      const spinStuck = [...listing.matchAll(/^\s*\d+:\tproc\s+(\d+) \((\S+):1\) \S+:(\d+) \(state (\d+)\)$/gm)]
        .map((x) => `${x[1]} ${x[2]} ${x[3]} ${x[4]}`).sort();
      const ours = [...run.stdout.matchAll(/^\tproc (\d+) \((\S+)\) at line (\d+) \(state (\d+)\)$/gm)]
        .map((x) => `${x[1]} ${x[2]} ${x[3]} ${x[4]}`).sort();
      assert.ok(spinStuck.length > 0, 'no stuck process in the spin listing');
      assert.deepEqual(ours, spinStuck);
    }
  });
}

test("the moves found for pan's trails carry pan's own transition numbers (SPIN's element numbering)", () => {
  for (const [name] of trails) {
    const model = compileModel(`${name}.pml`, readFileSync(join(repoRoot, 'models', 'spin', `${name}.pml`), 'utf8'));
    const trail = parsePanTrail(readFileSync(join(dir, `${name}.pml.trail`), 'utf8'), name);
    const ids = panTransitionIds(model.machine);
    const moves = resolvePanTrail(model.machine, trail.pids, trail.tids);
    assert.deepEqual(moves.map((s) => ids[s.tid]), trail.tids, name);
  }
});

test("pan's trail for a trace's error, one line too long (a frame left behind), replays to the error on the line before", { timeout: 60_000 }, async () => {
  const name = 'trace_dstep_array';
  const trail = parsePanTrail(readFileSync(join(dir, `${name}.pml.trail`), 'utf8'), name);
  const model = compileModel(`${name}.pml`, readFileSync(join(repoRoot, 'models', 'spin', `${name}.pml`), 'utf8'));
  const moves = resolvePanTrail(model.machine, trail.pids, trail.tids);
  assert.equal(moves.length, trail.pids.length - 1, 'the replay stops at the error, before pan\'s last line');
  const ids = panTransitionIds(model.machine);
  assert.deepEqual(moves.map((s) => ids[s.tid]), trail.tids.slice(0, -1));
  const run = await runCli(['replay', join(repoRoot, 'models', 'spin', `${name}.pml`), join(dir, `${name}.pml.trail`)], 50_000);
  assert.equal(run.code, 1, describeRun(run));
  assert.match(run.stdout, /Error: event_trace error \(no matching event\)\nspin: trail ends after 5 steps/);
});

test("a pan trail that no sequence of moves follows is refused (exit 2)", { timeout: 60_000 }, async () => {
  const run = await runCli(['replay', join(repoRoot, 'models', 'spin', 'race_counter.pml'), join(dir, 'philosophers_deadlock.pml.trail')], 50_000);
  assert.equal(run.code, 2, describeRun(run));
  assert.match(run.stderr, /does not fit this model/);
});

test("pan -a's trail: its -1:-1:-1 line is where the cycle starts, listed as spin -t -p lists it", { timeout: 60_000 }, async () => {
  // The model and the trail pan 6.5.2 wrote for it (spin -o1 -o2 -o3 -a, gcc -DNOREDUCE,
  // ./pan -a: "acceptance cycle (at depth 2)"); spin -t -p prints START OF CYCLE after step 2.
  const model = 'byte n;\nactive proctype P() {\n\tdo\n\t:: n < 3 -> n++\n\t:: n == 3 -> accept: n = 1\n\tod\n}\n';
  const panTrail = '1:0:0\n2:0:1\n-1:-1:-1\n3:0:0\n4:0:1\n5:0:0\n6:0:1\n7:0:2\n8:0:3\n';
  const parsed = parsePanTrail(panTrail, 'm.pml.trail');
  assert.equal(parsed.cycleStart, 2);
  assert.equal(parsed.pids.length, 8, 'the marker is not a move');
  const scratch = mkdtempSync(join(tmpdir(), 'pan-cycle-'));
  try {
    writeFileSync(join(scratch, 'm.pml'), model);
    writeFileSync(join(scratch, 'm.pml.trail'), panTrail);
    const run = await runCli(['replay', join(scratch, 'm.pml'), join(scratch, 'm.pml.trail')], 50_000);
    assert.equal(run.code, 1, describeRun(run));
    assert.match(run.stdout, /^ {2}2:\tproc {2}0 \(P:1\) m\.pml:4 \(state 2\)\t\[n = \(n\+1\)\]\n(?:\t\t.*\n)*  <<<<<START OF CYCLE>>>>>\n {2}3:\tproc/m, describeRun(run));
    assert.match(run.stdout, /the trail ends in a cycle: the last state is the state after step 2/);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
