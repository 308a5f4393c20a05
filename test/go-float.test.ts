// A thrown number as Go prints a panic's value: an int as itself, a float64 in the
// runtime's form. The expected strings are what Go 1.19.8 printed for panic(float64(x)).
import test from 'node:test';
import assert from 'node:assert/strict';
import { goFloat, isGoInt } from '../src/runtime/go-float.js';
import { panicText } from '../src/runtime/panic-text.js';

test('goFloat lays a number out as Go prints a float64', () => {
  const seen: [number, string][] = [
    [1.5, '+1.500000e+000'], [-0.001, '-1.000000e-003'], [123456789.5, '+1.234568e+008'],
    [1e300, '+1.000000e+300'], [3.14159265, '+3.141593e+000'], [0.5, '+5.000000e-001'],
    [0, '+0.000000e+000'], [NaN, 'NaN'], [Infinity, '+Inf'], [-Infinity, '-Inf'],
  ];
  assert.deepEqual(seen.map(([x]) => goFloat(x)), seen.map(([, s]) => s));
});

test('a thrown integer is Go\'s int, any other number its float64', () => {
  assert.equal(panicText(7, 'f').message, '7');
  assert.equal(panicText(-50, 'f').message, '-50');
  assert.equal(panicText(0.375, 'f').message, '+3.750000e-001');
  assert.equal(panicText(2 ** 64, 'f').message, '+1.844674e+019');
  assert.ok(isGoInt(2 ** 62) && !isGoInt(2 ** 63) && !isGoInt(0.5));
});

test('a thrown null is Go\'s panic(nil): panic: nil', () => {
  assert.equal(panicText(null, 'f').message, 'nil');
  assert.equal(panicText(undefined, 'f').message, 'undefined');
});
