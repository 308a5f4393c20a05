// Priorities as pan 6.5.2 verifies them (HAS_PRIORITY; see src/check/priority.ts): figures
// from spin -o1 -o2 -o3 -a; gcc -DSAFETY -DNOREDUCE; ./pan: [stored, matched, atomic
// steps, errors, depth reached].
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileModel } from '../src/check/model.js';
import { search } from '../src/check/search.js';
import { replay } from '../src/check/replay.js';
import { checkSource as check, figures, refusal as errorOf } from './support/check-source.js';


test('active copies start at their proctype\'s priority, a run at 1 or its own, init at 1', () => {
  assert.deepEqual(figures(check('active proctype A() priority 5 { assert(_priority == 5) }')), [3, 0, 0, 0, 2]);
  assert.deepEqual(figures(check('proctype A() priority 5 { assert(_priority == 1) } init { run A() }')), [5, 0, 0, 0, 4]);
  const r = check('proctype A() priority 5 { assert(_priority == 5) } init { run A() }');
  assert.deepEqual(figures(r), [2, 0, 0, 1, 1]);
  assert.deepEqual(figures(check('proctype A() { assert(_priority == 3 && get_priority(_pid) == 3) } init { run A() priority 3; assert(_priority == 1) }')), [6, 0, 0, 0, 5]);
});

test('get_priority of no process is 0; set_priority of none does nothing, out of range is pan\'s error', () => {
  assert.deepEqual(figures(check('active proctype A() { assert(get_priority(3) == 0 && get_priority(1) == 0 && get_priority(0) == 1) }')), [3, 0, 0, 0, 2]);
  assert.deepEqual(figures(check('active proctype A() { set_priority(5, 3); assert(_priority == 1) }')), [4, 0, 0, 0, 3]);
  const r = check('active proctype A() { set_priority(0, 300) }');
  assert.deepEqual(figures(r), [1, 0, 0, 1, 0]);
  assert.equal(r.error?.message, 'priority is out of range');
});

test('a process moves only while no process of higher priority can', () => {
  // Without the rule A and B interleave (more states); with it B waits until A is blocked.
  assert.deepEqual(figures(check('byte x;\nactive proctype A() priority 2 { x < 3 -> x++ }\nactive proctype B() { x++ }')), [6, 0, 0, 0, 5]);
  assert.deepEqual(figures(check('byte x;\nactive proctype A() { x = 1; set_priority(_pid, 3); x = 2 }\nactive proctype B() priority 2 { x = 5 }')), [7, 0, 0, 0, 6]);
  // A process of higher priority whose provided clause is false does not hold others back.
  assert.deepEqual(figures(check('byte x;\nactive proctype A() priority 2 provided (x > 0) { x < 3 -> x++ }\nactive proctype B() { x++; x++ }')), [7, 0, 0, 0, 6]);
});

test('the listing shows each process\'s priority where spin -t -p does, and no _priority variable', () => {
  const m = compileModel('m.pml', 'byte x;\nactive proctype A() priority 3 { x++; _priority = 1; x++; assert(x == 5) }');
  const r = search(m.machine, { maxDepth: 10000, memLimitBytes: 1 << 28 });
  let listing = '';
  replay(m.machine, 'm.pml', r.error!.steps, (s) => { listing += s; });
  assert.match(listing, /^ {2}1:\tproc {2}0 \(A:3\) m\.pml:2 \(state 1\)\t\[x = \(x\+1\)\]\n/);
  assert.match(listing, /\n {2}3:\tproc {2}0 \(A:1\) m\.pml:2/);
  assert.doesNotMatch(listing, /\t\t\S*_priority = /);
});

test('what SPIN refuses: priorities with a rendezvous channel (pan.c #error), a priority that is no number', () => {
  assert.match(errorOf('chan c = [0] of { byte };\nactive proctype A() priority 2 { c!1 }\nactive proctype B() { c?_ }'), /use of priorities cannot be combined with rendezvous/);
  assert.match(errorOf('byte p = 2;\nactive proctype A() priority p { skip }'), /^m\.pml:2:30: expected a number after 'priority' but found 'p'/);
});
