// gosched explore --replay: a schedule the scenario can take replays (exit 0 without a
// failure); one it cannot take is a usage mistake (exit 2, saying where it stops fitting),
// not a failure of the scheduler (exit 1).
import test from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from './support/check-cli.js';

test('explore --replay: a schedule that fits exits 0; one that does not exits 2 naming the step', { timeout: 120_000 }, async () => {
  const replay = (schedule: string) => runCli(['explore', '--scenario', 'wired-handback', '--protocol', 'atomic', '--replay', schedule], 60_000);
  const [fits, misfit] = await Promise.all([replay('0x4'), replay('0x5 1x3')]);
  assert.equal(fits.code, 0, fits.stderr);
  assert.match(fits.stdout, /no failure\n$/);
  assert.equal(misfit.code, 2, `${misfit.stdout}${misfit.stderr}`);
  assert.match(misfit.stderr, /^gosched: --replay: the schedule does not fit: thread 1 cannot run at step 5 of wired-handback \(atomic\)$/m);
});
