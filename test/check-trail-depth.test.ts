// The counterexample's length against pan's: for every models/spin model on which SPIN
// finds an error, pan's report (NAME.pan.txt) says "(at depth N)" and pan's trail has N+1
// moves (the last one the failing move, or for an invalid end state the move into it);
// for a trace's error N moves, since pan's require() raises the depth before uerror
// (src/check/event-trace.ts).
// The checker's trail must have as many, `gosched replay` must reach the same error from
// it, and the JSON error's depth must be pan's N (the text prints the same number). This watches the search's bookkeeping of depths where it makes several moves
// in one frame (forced steps inside atomic sequences, run in place).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describeRun, readJson, repoRoot, runCli, type SpinExpected } from './support/check-cli.js';

const modelsDir = join(repoRoot, 'models', 'spin');
const CHILD_TIMEOUT_MS = 20_000;
const scratch = mkdtempSync(join(tmpdir(), 'check-trail-depth-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

const withError = readdirSync(modelsDir).filter((f) => f.endsWith('.pan.txt')).map((f) => basename(f, '.pan.txt')).sort()
  .map((name) => ({ name, depth: /\(at depth (\d+)\)/.exec(readFileSync(join(modelsDir, `${name}.pan.txt`), 'utf8'))?.[1] }))
  .filter((m): m is { name: string; depth: string } => m.depth !== undefined);

test('the suite has errors found inside long atomic sequences and elsewhere', () => {
  assert.ok(withError.length >= 10, `only ${withError.length} models with an error`);
  assert.ok(withError.some((m) => m.name === 'atomic_chain_assert'), 'atomic_chain_assert is among them');
});

for (const { name, depth } of withError) {
  test(`${name}: the counterexample has pan's length (at depth ${depth}) and replays to the error`, { timeout: 2 * CHILD_TIMEOUT_MS + 5_000 }, async () => {
    const expected = readJson<SpinExpected>(join(modelsDir, `${name}.expected.json`));
    const trail = join(scratch, `${name}.trail`);
    const model = join(modelsDir, `${name}.pml`);
    const run = await runCli(['check', model, '--json', '--max-depth', String(expected.maxDepth), '--trail', trail], CHILD_TIMEOUT_MS);
    assert.equal(run.code, 1, describeRun(run));
    const steps = readFileSync(trail, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    const traceError = expected.errorKind === 'trace' || expected.errorKind === 'notrace';
    assert.equal(steps.length, Number(depth) + (traceError ? 0 : 1), `${name}: moves in the trail`);
    const { message, depth: printed } = (JSON.parse(run.stdout) as { error: { message: string; depth: number } }).error;
    assert.equal(printed, Number(depth), `${name}: the error's depth against pan's "(at depth ${depth})"`);
    const replay = await runCli(['replay', model, trail], CHILD_TIMEOUT_MS);
    assert.ok(replay.stdout.includes(message.replace(/^assertion violated /, '')), `${name}: the replay reaches '${message}'\n${describeRun(replay)}`);
    assert.match(replay.stdout, new RegExp(`trail ends after ${steps.length} steps`), describeRun(replay));
  });
}

// pan steps back a level before it reports an invalid end state (depth--; uerror), so for
// an initial state that is one it prints a negative depth: SPIN 6.5.2's pan (spin -a,
// gcc -DSAFETY -DNOREDUCE, ./pan) on this model says "pan:1: invalid end state (at
// depth -1)". The checker says the same in its text and its JSON, with an empty trail.
test('an initial state that is an invalid end state: pan\'s "(at depth -1)", in the text and the JSON', { timeout: 3 * CHILD_TIMEOUT_MS + 5_000 }, async () => {
  const model = join(scratch, 'stuck_at_start.pml');
  writeFileSync(model, 'active proctype p() { false }\n');
  const trail = join(scratch, 'stuck_at_start.trail');
  const text = await runCli(['check', model, '--trail', trail], CHILD_TIMEOUT_MS);
  assert.equal(text.code, 1, describeRun(text));
  assert.match(text.stdout, /^gosched:1: invalid end state \(at depth -1\)$/m, describeRun(text));
  const json = await runCli(['check', model, '--json', '--trail', trail], CHILD_TIMEOUT_MS);
  assert.equal((JSON.parse(json.stdout) as { error: { depth: number } }).error.depth, -1, describeRun(json));
  const replay = await runCli(['replay', model, trail], CHILD_TIMEOUT_MS);
  assert.match(replay.stdout, /trail ends after 0 steps/, describeRun(replay));
  assert.match(replay.stdout, /invalid end state/, describeRun(replay));
});
