// Array initialiser lists, `byte a[N] = { c0, c1, ... }`, as SPIN 6.5.2 reads them (spin.y's
// c_list, pangen1.c's iniglobals): element i gets constant i, the elements past the list
// the last constant, constants past the array are dropped; only constants, and only where
// a declaration is initialised when the process starts. Figures from spin -o1 -o2 -o3 -a;
// gcc -DSAFETY -DNOREDUCE; ./pan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileModel } from '../src/check/model.js';
import { search } from '../src/check/search.js';
import { ModelError, formatModelError } from '../src/check/errors.js';

function errorOf(src: string): string | null {
  try {
    const r = search(compileModel('m.pml', src).machine, { maxDepth: 10000, memLimitBytes: 1 << 28 });
    return r.error ? `${r.error.kind}: ${r.error.message}` : null;
  } catch (e) {
    if (e instanceof ModelError) return formatModelError(e, 'm.pml', src);
    throw e;
  }
}
const holds = (decl: string, cond: string) => errorOf(`${decl}\nactive proctype P() { assert(${cond}) }`);

test('a shorter list repeats its last constant, a longer one is cut at the array', () => {
  assert.equal(holds('byte a[5] = {1, 2, 3};', 'a[0] == 1 && a[1] == 2 && a[2] == 3 && a[3] == 3 && a[4] == 3'), null);
  assert.equal(holds('byte a[2] = {4, 5, 6};', 'a[0] == 4 && a[1] == 5'), null);
  assert.equal(holds('int a[3] = {7};', 'a[0] == 7 && a[1] == 7 && a[2] == 7'), null);
  // Each check can fail: the same model with another expected value is an assertion.
  assert.equal(holds('byte a[5] = {1, 2, 3};', 'a[4] == 0'), 'assertion: assertion violated (a[4]==0)');
});

test('constants are numbers, macros, true/false and mtype names; each wraps to the element type', () => {
  assert.equal(holds('#define K 9\nbyte a[2] = {300, K};', 'a[0] == 44 && a[1] == 9'), null);
  assert.equal(holds('mtype = { red, green };\nmtype m[3] = {green, red};', 'm[0] == green && m[1] == red && m[2] == red'), null);
  assert.equal(holds('bool b[3] = {false, true};', '!b[0] && b[1] && b[2]'), null);
});

test('a typedef field and a local array at the start of a proctype take a list', () => {
  assert.equal(holds('typedef T { byte v[3] = {9, 8}; bool u };\nT t[2];', 't[1].v[0] == 9 && t[1].v[2] == 8 && t[0].v[1] == 8'), null);
  assert.equal(errorOf('active proctype P() { short s[3] = {5, 6}; assert(s[2] == 6 && s[0] == 5) }'), null);
});

test('what SPIN refuses: a scalar, a sign or an expression, an empty list, a list of two or more after the first statement', () => {
  assert.match(errorOf('byte x = {1};\nactive proctype P() { skip }')!, /^m\.pml:1:6: x must be an array/);
  assert.match(errorOf('byte a[2] = {-1, 2};\nactive proctype P() { skip }')!, /^m\.pml:1:14: an array initialiser list holds constants only .*found '-'/);
  assert.match(errorOf('byte a[2] = {1 + 1};\nactive proctype P() { skip }')!, /^m\.pml:1:16: expected ',' or '}' in the initialiser list but found '\+'/);
  assert.match(errorOf('byte a[2] = {};\nactive proctype P() { skip }')!, /^m\.pml:1:14: an array initialiser list holds constants only/);
  // spin: "cannot use an array list initializer here"
  assert.match(errorOf('active proctype P() { skip;\n  byte a[3] = {4, 5} }')!, /^m\.pml:2:8: cannot use an array list initializer here/);
});
