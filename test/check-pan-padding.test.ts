// pan's mask over a process record's padding with priorities (src/check/pan-padding.ts):
// which bits of which records it hides, and that the search puts them back after storing.
// The counts it gives are pan's in models/spin/priority_padding*.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileModel } from '../src/check/model.js';
import { checkSource, figures } from './support/check-source.js';

const pad = (src: string) => compileModel('m.pml', src).machine.padding;

test("pan hides a priority's bits past the record's bit-fields only where the process has no variables but single bits", () => {
  const body = 'do :: set_priority(_pid, 2) :: set_priority(_pid, 1) od';
  // 8 + blog(1 proctype + 1) + blog(at most 8 states) = 8 + 2 + 4 bits: the priority's low 2 bits are stored.
  const p = pad(`active proctype A() { ${body} }`);
  assert.ok(p);
  assert.deepEqual([...p.pad.offs[0]!], [3], 'the _priority byte, after type and pc');
  assert.deepEqual([...p.pad.keep[0]!], [0b11]);
  assert.equal(pad(`active proctype A() { byte d; ${body} }`), null, 'a byte variable: pan masks only padding after it');
  assert.equal(pad(`active proctype A() { bit d[2]; ${body} }`), null, 'a bit array is bytes to pan');
  assert.equal(pad('active proctype A() { byte d; d++ }'), null, 'no priorities: nothing');
});

test('the search stores states with those bits blanked, and moves on with them whole', () => {
  // Priorities 1 and 3 agree in the 2 bits pan stores: pan stores 3 states here, and the
  // process still reads its priority back whole (the assertion holds).
  const src = 'active proctype A() priority 2 {\n do\n :: set_priority(_pid, 1)\n :: set_priority(_pid, 3); assert(get_priority(_pid) == 3)\n :: set_priority(_pid, 5)\n od\n}\n';
  const [stored, , , errors] = figures(checkSource(src));
  assert.equal(errors, 0);
  assert.equal(stored, 3);
});
