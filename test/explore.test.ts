// The explorer: its engine on a toy program, the instrumented scheduler, the scenarios
// (small: preemption bound 1), a failure found and replayed deterministically, and the
// command line.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Machine } from '../src/explore/engine/machine.js';
import { __sh } from '../src/explore/engine/ops.js';
import { type World, formatSchedule, parseSchedule, replay, search } from '../src/explore/engine/search.js';
import { loadInstrumented } from '../src/explore/engine/load.js';
import { explore, findScenario } from '../src/explore/run.js';
import { SCENARIOS } from '../src/explore/scenarios/index.js';
import { MUTANTS } from '../src/mutants/catalogue.js';
import { mutatedCopy } from '../src/mutants/run.js';
import { PROTOCOLS } from '../src/sched/index.js';

const cli = fileURLToPath(new URL('../src/cli.js', import.meta.url));
const run = promisify(execFile);

/** Two threads each do a plain (non-atomic) increment of word 0, or an atomic one. */
function counterWorld(atomic: boolean): () => World {
  return () => {
    const mem = new Int32Array(4);
    const m = new Machine(mem);
    for (let t = 0; t < 2; t++) {
      m.spawn(`t${t}`, (function* () {
        if (atomic) yield* __sh.add(mem, 0, 1);
        else yield* __sh.upd(mem, 0, 1, true);
      })());
    }
    return {
      machine: m, stateIndices: Int32Array.of(0), nameOf: (i) => `w${i}`, check: () => null,
      atEnd: () => (mem[0] === 2 ? null : `lost update: ${mem[0]}`),
    };
  };
}

test('engine: a lost update needs one preemption to show, and none happens with Atomics.add', () => {
  assert.equal(search(counterWorld(false), { preemptionBound: 0 }).failure, null, 'no preemption: each thread runs to its end');
  const r = search(counterWorld(false), { preemptionBound: 1 });
  assert.ok(r.failure, 'found with one preemption');
  assert.match(r.failure.message, /lost update: 1/);
  assert.equal(replay(counterWorld(false), r.failure.schedule).failure, r.failure.message, 'the schedule replays to the same failure');
  assert.deepEqual(parseSchedule(formatSchedule(r.failure.schedule)), r.failure.schedule);
  const ok = search(counterWorld(true), { preemptionBound: 2 });
  assert.equal(ok.failure, null);
  assert.ok(ok.complete && ok.executions >= 2);
});

test('engine: Atomics.wait blocks until notified; a missing notify is a deadlock', () => {
  const world = (notify: boolean) => (): World => {
    const mem = new Int32Array(2);
    const m = new Machine(mem);
    m.spawn('waiter', (function* () {
      while ((yield* __sh.load(mem, 0)) === 0) yield* __sh.wait(mem, 0, 0);
    })());
    m.spawn('waker', (function* () {
      yield* __sh.store(mem, 0, 1);
      if (notify) yield* __sh.notify(mem, 0);
    })());
    return {
      machine: m, stateIndices: Int32Array.of(0, 1), nameOf: (i) => `w${i}`, check: () => null,
      atEnd: () => (m.threads.some((t) => t.op !== null) ? 'deadlock' : null),
    };
  };
  assert.equal(search(world(true), { preemptionBound: 2 }).failure, null);
  assert.equal(search(world(false), { preemptionBound: 2 }).failure?.message, 'deadlock');
});

test('engine: a timed Atomics.wait may time out wherever the search chooses, at no preemption', () => {
  // The waiter sleeps with a timeout; the waker may wake it. Both outcomes must be met
  // even with no preemption allowed: leaving a thread asleep is free, timed or not.
  const outcomes = new Set<number>();
  const world = (): World => {
    const mem = new Int32Array(2);
    const m = new Machine(mem);
    m.spawn('waiter', (function* () {
      const r = yield* __sh.wait(mem, 0, 0, 5);
      yield* __sh.store(mem, 1, r === 'timed-out' ? 1 : r === 'ok' ? 2 : 3);
    })());
    m.spawn('waker', (function* () {
      yield* __sh.store(mem, 0, 1);
      yield* __sh.notify(mem, 0);
    })());
    return {
      machine: m, stateIndices: Int32Array.of(0, 1), nameOf: (i) => `w${i}`, check: () => null,
      atEnd: () => { outcomes.add(mem[1]!); return m.threads.some((t) => t.op !== null) ? 'deadlock' : null; },
    };
  };
  const r = search(world, { preemptionBound: 0 });
  assert.equal(r.failure, null);
  assert.deepEqual([...outcomes].sort(), [1, 2, 3], 'timed out, woken, and not asleep at all');
});

test('the built scheduler is instrumented: shared accesses become yields, pure helpers stay', async () => {
  const S = await loadInstrumented();
  assert.match(String(S.schedlock), /^function\* schedlock/);
  assert.match(String(S.schedlock), /yield\* __sh\.compareExchange\(mem, S_LOCK, 0, 1\)/);
  assert.match(String(S.entersyscall), /yield\* entersyscallAtomic/);
  assert.match(String(S.atomicMcpu), /^function atomicMcpu/, 'a pure helper is not a generator');
  assert.match(String(S.countPath), /^function countPath/, 'the path counters are left alone');
});

test('every scenario passes under both protocols (preemption bound 1)', { timeout: 120_000 }, async () => {
  const runs = await explore(SCENARIOS, [...PROTOCOLS], { preemptionBound: 1 });
  assert.equal(runs.length, SCENARIOS.length * 2);
  for (const r of runs) {
    assert.equal(r.result.failure, null, `${r.scenario} (${r.protocol}): ${r.result.failure?.message}`);
    assert.ok(r.result.complete && r.result.executions > 10 && r.result.states > 100, `${r.scenario}: ${r.result.executions} executions`);
  }
});

test('a seeded bug is found, printed with its schedule, and replays to the same failure', { timeout: 120_000 }, async () => {
  const dir = mutatedCopy(MUTANTS.find((m) => m.id === 'gomaxprocs-no-gosched')!);
  try {
    const sched = path.join(dir, 'src', 'sched');
    const sc = findScenario('gomaxprocs-lowered');
    const [r1] = await explore([sc], ['atomic'], { preemptionBound: 2 }, sched);
    const [r2] = await explore([sc], ['atomic'], { preemptionBound: 2 }, sched);
    assert.ok(r1!.result.failure, 'caught');
    assert.match(r1!.result.failure.message, /the caller kept its cpu/);
    assert.equal(r2!.result.executions, r1!.result.executions, 'deterministic: the same number of schedules');
    assert.equal(r2!.schedule, r1!.schedule);
    assert.ok(r1!.trace!.length > 10);
    const { stdout } = await run(process.execPath, [path.join(dir, 'src', 'cli.js'), 'explore', '--scenario', sc.name, '--protocol', 'atomic', '--replay', r1!.schedule!])
      .catch((e: { stdout: string; code: number }) => { assert.equal(e.code, 1); return e; });
    assert.match(stdout, /FAILURE: .*the caller kept its cpu/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('gosched explore --json; bad input exits 2', { timeout: 120_000 }, async () => {
  const { stdout } = await run(process.execPath, [cli, 'explore', '--scenario', 'ready-before-park', '--preemptions', '1', '--json']);
  const doc = JSON.parse(stdout);
  assert.equal(doc.ok, true);
  assert.equal(doc.runs.length, 2);
  assert.ok(doc.runs.every((r: { result: { executions: number } }) => r.result.executions > 0));
  for (const bad of [['--scenario', 'bogus'], ['--replay', '0x3'], ['--scenario', 'wired-handback', '--protocol', 'atomic', '--replay', 'zz'], ['--preemptions', '-1']]) {
    await assert.rejects(run(process.execPath, [cli, 'explore', ...bad]), (e: { code?: number; stderr?: string }) => e.code === 2 && /gosched: /.test(e.stderr ?? ''));
  }
});
