// gosched explore --replay: a schedule the scenario can take replays (exit 0 without a
// failure); one it cannot take is a usage mistake (exit 2, saying where it stops fitting),
// not a failure of the scheduler (exit 1).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath, runCli } from './support/check-cli.js';

test('explore --replay: a schedule that fits exits 0; one that does not exits 2 naming the step', { timeout: 120_000 }, async () => {
  const replay = (schedule: string) => runCli(['explore', '--scenario', 'wired-handback', '--protocol', 'atomic', '--replay', schedule], 60_000);
  const [fits, misfit] = await Promise.all([replay('0x4'), replay('0x5 1x3')]);
  assert.equal(fits.code, 0, fits.stderr);
  assert.match(fits.stdout, /no failure\n$/);
  assert.equal(misfit.code, 2, `${misfit.stdout}${misfit.stderr}`);
  assert.match(misfit.stderr, /^gosched: --replay: the schedule does not fit: thread 1 cannot run at step 5 of wired-handback \(atomic\)$/m);
});

test('replay: a trail file that is missing, a folder or empty, or that was written for another model and does not reach its error, is bad input (exit 2) saying which', { timeout: 120_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gosched-replay-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'bad.pml'), 'init { assert(false) }\n');
  writeFileSync(join(dir, 'ok.pml'), 'init { skip }\n');
  writeFileSync(join(dir, 'empty.trail'), '');
  const found = await runCli(['check', 'bad.pml'], 60_000, dir);
  assert.equal(found.code, 1, found.stderr);
  const cases: [string[], RegExp][] = [
    [['replay', 'bad.pml', 'missing.trail'], /^gosched: missing\.trail: cannot read the trail file \(no such file\)\n$/],
    [['replay', 'bad.pml', '.'], /^gosched: \.: cannot read the trail file \(a folder\)\n$/],
    [['replay', 'bad.pml', 'empty.trail'], /^gosched: empty\.trail: the trail file is empty\n$/],
    [['replay', 'ok.pml', 'bad.pml.trail'], /^gosched: bad\.pml\.trail, written for bad\.pml, ends after 1 steps without its error \(assertion violated \(false\)\) in ok\.pml: the trail does not fit this model\n$/],
  ];
  const runs = await Promise.all(cases.map(([args]) => runCli(args, 60_000, dir)));
  cases.forEach(([args, re], i) => {
    assert.equal(runs[i]!.code, 2, `gosched ${args.join(' ')}: ${runs[i]!.stdout}${runs[i]!.stderr}`);
    assert.match(runs[i]!.stderr, re);
  });
  const same = await runCli(['replay', 'bad.pml', 'bad.pml.trail'], 60_000, dir);
  assert.equal(same.code, 1, same.stderr);
  assert.equal(same.stderr, '');
  // A trail through a pipe is read once: the header and the steps both come from that read.
  // (Through a shell: Node's own stdin pipes are sockets, which /dev/stdin cannot open.)
  const piped = spawnSync('sh', ['-c', `cat bad.pml.trail | "${process.execPath}" "${cliPath}" replay bad.pml /dev/stdin`], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  assert.equal(piped.status, 1, piped.stderr);
  assert.equal(piped.stdout, same.stdout);
});

test('explore: a scenario named twice is explored once; a schedule that misfits at its first step prints no empty trace', { timeout: 120_000 }, async () => {
  const [twice, first] = await Promise.all([
    runCli(['explore', '--scenario', 'ready-before-park,ready-before-park', '--protocol', 'atomic', '--preemptions', '0'], 60_000),
    runCli(['explore', '--scenario', 'wired-handback', '--protocol', 'atomic', '--replay', '5x1'], 60_000),
  ]);
  assert.equal(twice.code, 0, twice.stderr);
  assert.equal(twice.stdout.match(/^ready-before-park \(atomic\)/gm)?.length, 1, twice.stdout);
  assert.equal(first.code, 2, first.stderr);
  assert.match(first.stderr, /^gosched: --replay: the schedule does not fit: thread 5 cannot run at step 0/);
  assert.equal(first.stdout, '');
});

test('check, replay and bench-check refuse a device as a model or trail at once (reading /dev/zero never ends)', { timeout: 120_000, skip: process.platform === 'win32' && 'no /dev/zero' }, async () => {
  const [check, replayModel, replayTrail, bench] = await Promise.all([
    runCli(['check', '/dev/zero'], 30_000),
    runCli(['replay', '/dev/zero', '/dev/null'], 30_000),
    runCli(['replay', 'models/spin/philosophers_deadlock.pml', '/dev/zero'], 30_000),
    runCli(['bench-check', '/dev/zero', '--runs', '1'], 30_000),
  ]);
  for (const r of [check, replayModel, bench]) {
    assert.equal(r.code, 2, `${r.timedOut ? 'timed out' : ''} ${r.stderr}`);
    assert.match(r.stderr, /^gosched: \/dev\/zero: is a device, not a model file\n/);
  }
  assert.equal(replayTrail.code, 2, `${replayTrail.timedOut ? 'timed out' : ''} ${replayTrail.stderr}`);
  assert.match(replayTrail.stderr, /^gosched: \/dev\/zero: cannot read the trail file \(a device\)\n$/);
});
