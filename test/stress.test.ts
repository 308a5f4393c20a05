// The stress run on real threads, both protocols, and its command line.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { runStress } from '../src/stress/stress.js';
import { PROTOCOLS } from '../src/sched/index.js';

const cli = fileURLToPath(new URL('../src/cli.js', import.meta.url));
const run = promisify(execFile);

for (const protocol of PROTOCOLS) {
  test(`${protocol}: 4 threads x 200,000 pairs with stop-the-world and GOMAXPROCS changes`, { timeout: 120_000 }, async () => {
    const r = await runStress({ protocol, threads: 4, pairs: 200_000, stallSeconds: 30 });
    assert.equal(r.failure, null, `${r.failure}\n${r.stuck?.join('\n')}`);
    assert.equal(r.pairsDone, 800_000);
    assert.ok(r.stopTheWorlds > 0, 'the world was stopped');
    assert.ok(r.gomaxprocsChanges > 0);
    assert.equal(r.stoppedWorldViolations, 0);
    assert.ok(r.invariantSamples > 0, 'invariants were sampled');
    assert.equal(r.invariantViolations.total, 0);
    assert.deepEqual(r.mismatches, []);
    assert.equal(r.ok, true);
  });
}

test('gosched stress --json prints one object and exits 0; bad options exit 2', { timeout: 120_000 }, async () => {
  const { stdout } = await run(process.execPath, [cli, 'stress', '--protocol', 'atomic', '--threads', '2', '--pairs', '20000', '--json']);
  const doc = JSON.parse(stdout);
  assert.equal(doc.ok, true);
  assert.equal(doc.protocol, 'atomic');
  assert.equal(doc.pairsDone, 40_000);
  assert.equal(doc.counters.mcpu, 0);
  for (const bad of [['--threads', '0'], ['--protocol', 'spin'], ['--pairs', '1.5'], ['--bogus']]) {
    await assert.rejects(run(process.execPath, [cli, 'stress', ...bad]), (e: { code?: number; stderr?: string }) => e.code === 2 && /gosched: /.test(e.stderr ?? ''));
  }
});
