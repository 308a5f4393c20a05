// The counterexample path: check writes a trail, replay follows it to the same error and
// lists the steps with the variables they change; the trail format round-trips.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTrail, parseTrail } from '../src/check/trail.js';

const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'check-replay-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: dir }, (err, stdout, stderr) => {
      resolve({ code: err ? (err as { code?: number }).code ?? 1 : 0, stdout, stderr });
    });
  });
}

const ASSERT_MODEL = `byte x;
active proctype A() { do :: x < 3 -> x++ :: else -> break od; printf("x is %d\\n", x); assert(x == 2) }
`;

test('check writes a trail; replay reaches the assertion and shows printf output', async () => {
  const model = join(dir, 'a.pml');
  writeFileSync(model, ASSERT_MODEL);
  const run = await cli(['check', '--json', model]);
  assert.equal(run.code, 1, run.stderr);
  const v = JSON.parse(run.stdout);
  assert.equal(v.errors, 1);
  assert.equal(v.error.kind, 'assertion');
  assert.equal(v.error.line, 2);
  assert.equal(v.error.trail, 'a.pml.trail');
  const trail = readFileSync(join(dir, 'a.pml.trail'), 'utf8');
  assert.match(trail, /^1:0:\d+$/m);
  const rep = await cli(['replay', model, 'a.pml.trail']);
  assert.equal(rep.code, 1);
  assert.match(rep.stdout, /^ *\d+:\tproc  0 \(A:1\) a\.pml:2 \(state \d+\)\t\[x = \(x\+1\)\]/m);
  assert.match(rep.stdout, /\t\tx = 3\n/);
  assert.match(rep.stdout, /x is 3/);
  // As spin -t -p: the error, the assertion's text, the step that failed, the trail's end.
  assert.match(rep.stdout, /spin: a\.pml:2, Error: assertion violated\nspin: text of failed assertion: assert\(\(x==2\)\)\n *\d+:\tproc  0 \(A:1\)[^\n]*\[assert\(\(x==2\)\)\]\nspin: trail ends after \d+ steps\n$/);
});

test('text output lists the counterexample and the figures', async () => {
  const model = join(dir, 'b.pml');
  writeFileSync(model, ASSERT_MODEL);
  const run = await cli(['check', '--trail', 'b.trail', model]);
  assert.equal(run.code, 1);
  assert.match(run.stdout, /Error: assertion violated/);
  assert.match(run.stdout, /wrote b\.trail/);
  assert.match(run.stdout, /\d+ states, stored/);
  // The vector's size is the checker's own, which pan's line would not be: it says so.
  assert.match(run.stdout, /^State-vector \d+ byte \(gosched's packed layout, not pan's\), depth reached \d+, errors: 1$/m);
});

test('an invalid end state replays to the stuck process', async () => {
  const model = join(dir, 'c.pml');
  writeFileSync(model, 'byte x;\nactive proctype A() { x = 1; x == 2 }\n');
  const run = await cli(['check', '--json', model]);
  assert.equal(run.code, 1);
  assert.equal(JSON.parse(run.stdout).error.kind, 'invalid-end-state');
  const rep = await cli(['replay', model, 'c.pml.trail']);
  assert.equal(rep.code, 1);
  assert.match(rep.stdout, /invalid end state\n\tproc 0 \(A\) at line 2/);
});

test('a pending rendezvous nobody can take is a deadlock in replay too', async () => {
  const model = join(dir, 'r.pml');
  writeFileSync(model, 'chan req = [0] of { byte };\nactive proctype server() { byte v; req?v }\nactive proctype client() { req!1; req!2 }\n');
  const run = await cli(['check', '--json', model]);
  assert.equal(run.code, 1);
  const rep = await cli(['replay', model, 'r.pml.trail']);
  assert.equal(rep.code, 1);
  assert.match(rep.stdout, /invalid end state\n\tproc 1 \(client\)/);
});

test('a trail that does not fit the model is bad input', async () => {
  const model = join(dir, 'd.pml');
  writeFileSync(model, 'byte x;\nactive proctype A() { x = 1 }\n');
  writeFileSync(join(dir, 'd.trail'), '# gosched trail v1\n1:0:99\n');
  const rep = await cli(['replay', model, 'd.trail']);
  assert.equal(rep.code, 2);
  assert.match(rep.stderr, /trail and model differ/);
  assert.doesNotMatch(rep.stderr, /at .*\.js/);
});

test('the trail format round-trips and rejects garbage', () => {
  const steps = [{ pid: 0, tid: 3 }, { pid: 2, tid: 7 }];
  assert.deepEqual(parseTrail(formatTrail('m.pml', 'boom', steps), 't'), steps);
  assert.throws(() => parseTrail('1:0:1\n3:0:1\n', 't'), /t:2: expected/);
});

test('usage mistakes exit 2 with one line', async () => {
  const r = await cli(['check', '--max-depth', 'zero', 'x.pml']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--max-depth must be a positive integer/);
  const h = await cli(['check', '--help']);
  assert.equal(h.code, 0);
  assert.match(h.stdout, /--max-depth N/);
});
