// The liveness options of `gosched check`, the cycle trail and its replay, and `gosched ltl`,
// through the command line as a user meets them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runCli } from './support/check-cli.js';

const T = 20_000;
const scratch = mkdtempSync(join(tmpdir(), 'check-live-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const model = (name: string) => join(repoRoot, 'models', 'liveness', `${name}.pml`);

test('an acceptance cycle: exit 1, a trail with the cycle marked, and replay shows the cycle closing', async () => {
  const trail = join(scratch, 'peterson.trail');
  const r = await runCli(['check', model('peterson_starvation'), '--accept', '--trail', trail], T, scratch);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /acceptance cycle/);
  assert.match(r.stdout, /<<<<<START OF CYCLE>>>>>/);
  const text = readFileSync(trail, 'utf8');
  assert.match(text, /^# cycle: \d+$/m);
  assert.match(text, /^\d+:-1:\d+$/m, 'claim moves are steps with pid -1');
  const p = await runCli(['replay', model('peterson_starvation'), trail], T, scratch);
  assert.equal(p.code, 1);
  assert.match(p.stdout, /<<<<<START OF CYCLE>>>>>/);
  assert.match(p.stdout, /the trail ends in a cycle/);
});

test('with weak fairness the same model has no acceptance cycle (exit 0)', async () => {
  const r = await runCli(['check', model('peterson_starvation'), '--accept', '--fair', '--json'], T, scratch);
  assert.equal(r.code, 0, r.stderr);
  const v = JSON.parse(r.stdout) as { errors: number; fairness: boolean; statesVisited: number; statesStored: number };
  assert.equal(v.errors, 0);
  assert.equal(v.fairness, true);
  assert.ok(v.statesVisited > v.statesStored, 'fairness visits states again with other counters');
});

test('a non-progress cycle is found and replayed with the built-in claim', async () => {
  const trail = join(scratch, 'np.trail');
  const r = await runCli(['check', model('progress_busy_wait'), '--non-progress', '--trail', trail], T, scratch);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /non-progress cycle/);
  assert.match(readFileSync(trail, 'utf8'), /^# claim: non-progress$/m);
  const p = await runCli(['replay', model('progress_busy_wait'), trail], T, scratch);
  assert.equal(p.code, 1, p.stderr);
  assert.match(p.stdout, /the trail ends in a cycle/);
});

test('--ltl picks a formula by name; an unknown name and misused flags are usage errors', async () => {
  const ok = await runCli(['check', model('multi_ltl'), '--ltl', 'third', '--accept', '--json'], T, scratch);
  assert.equal(ok.code, 1, 'x does not settle at 1');
  assert.equal((JSON.parse(ok.stdout) as { ltl: string }).ltl, 'third');
  const first = await runCli(['check', model('multi_ltl'), '--accept', '--json'], T, scratch);
  assert.equal((JSON.parse(first.stdout) as { ltl: string }).ltl, 'first', 'the first formula by default, as SPIN');
  const bad = await runCli(['check', model('multi_ltl'), '--ltl', 'nope'], T, scratch);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /no such formula \(the model has first, second, third\)/);
  const fair = await runCli(['check', model('multi_ltl'), '--fair'], T, scratch);
  assert.equal(fair.code, 2);
  assert.match(fair.stderr, /--fair needs --accept or --non-progress/);
  const np = await runCli(['check', model('multi_ltl'), '--non-progress'], T, scratch);
  assert.equal(np.code, 2);
  assert.match(np.stderr, /--non-progress uses its own claim/);
});

test('a claim that reaches its end is an error without --accept, and replay says so', async () => {
  const trail = join(scratch, 'end.trail');
  const r = await runCli(['check', model('claim_end'), '--trail', trail], T, scratch);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /end state in claim reached/);
  const p = await runCli(['replay', model('claim_end'), trail], T, scratch);
  assert.equal(p.code, 1);
  assert.match(p.stdout, /end state in claim reached/);
});

test('gosched ltl prints a never claim; a bad formula is a usage error', async () => {
  const r = await runCli(['ltl', '!([] (p -> <> q))'], T, scratch);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^never {2}\{/);
  assert.match(r.stdout, /accept_S\d+:/);
  const f = join(scratch, 'claim.pml');
  writeFileSync(f, `bit p, q;\nactive proctype A() { do :: p = 1 - p :: q = 1 - q od }\n${r.stdout}`);
  const c = await runCli(['check', f, '--accept', '--json'], T, scratch);
  assert.equal(c.code, 1, 'q may never come: the printed claim finds the cycle');
  const bad = await runCli(['ltl', '[] (p ->'], T, scratch);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /in the formula/);
});

test('what the liveness search does not handle is refused, naming the combination (exit 2)', async () => {
  const hc = await runCli(['check', model('multi_ltl'), '--hc', '--accept'], T, scratch);
  assert.equal(hc.code, 2, hc.stderr);
  assert.match(hc.stderr, /--hc with ltl first and --accept is not supported/);
  const bit = await runCli(['check', model('accept_labels_only'), '--bitstate', '--accept'], T, scratch);
  assert.equal(bit.code, 2, bit.stderr);
  assert.match(bit.stderr, /--bitstate with --accept is not supported/);
  const np = await runCli(['check', model('progress_busy_wait'), '--hc', '--non-progress'], T, scratch);
  assert.equal(np.code, 2, np.stderr);
  assert.match(np.stderr, /--hc with --non-progress is not supported/);
  // _last with a claim is searched (models/liveness/last_claim, last_progress).
});

test("the text report says transitions = visited + matched, as pan does, where states were visited again", async () => {
  const r = await runCli(['check', model('peterson_starvation'), '--accept', '--fair'], T, scratch);
  assert.equal(r.code, 0, r.stderr);
  const visited = Number(/ states, stored \((\d+) visited\)/.exec(r.stdout)?.[1]);
  const matched = Number(/(\d+) states, matched/.exec(r.stdout)?.[1]);
  const m = /(\d+) transitions \(= (\w+)\+matched\)/.exec(r.stdout);
  assert.ok(m && visited > 0, r.stdout);
  assert.equal(m[2], 'visited');
  assert.equal(Number(m[1]), visited + matched);
});
