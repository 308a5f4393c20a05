// The atomic word: packing, and bit 31 surviving JavaScript's signed arithmetic.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  GWAITING_BIT, MCPU_ONE, WAITSTOP_BIT, atomicGwaiting, atomicMcpu, atomicMcpumax, atomicWaitstop,
  maxgomaxprocs, mcpuMask, packWord,
} from '../src/sched/index.js';

test('fields are packed as the commit packs them: 15+15+1+1 bits', () => {
  assert.equal(mcpuMask, 0x7fff);
  assert.equal(maxgomaxprocs, 0x7fff - 10);
  const v = packWord(3, 4, 1, 1);
  assert.equal(v >>> 0, (3 | (4 << 15) | (1 << 30) | (1 << 31)) >>> 0);
  assert.deepEqual([atomicMcpu(v), atomicMcpumax(v), atomicWaitstop(v), atomicGwaiting(v)], [3, 4, 1, 1]);
});

test('gwaiting (bit 31) survives add, sub and compare-and-swap on an Int32Array', () => {
  const a = new Int32Array(new SharedArrayBuffer(4));
  a[0] = packWord(5, maxgomaxprocs, 0, 0);
  Atomics.add(a, 0, GWAITING_BIT); // 0 -> 1
  assert.ok(a[0]! < 0, 'bit 31 is the sign bit');
  assert.equal(atomicGwaiting(a[0]!), 1);
  assert.equal(atomicMcpumax(a[0]!), maxgomaxprocs);
  const v = Atomics.load(a, 0);
  assert.equal(Atomics.compareExchange(a, 0, v, (v - MCPU_ONE) | 0), v);
  assert.deepEqual([atomicMcpu(a[0]!), atomicGwaiting(a[0]!)], [4, 1]);
  Atomics.add(a, 0, WAITSTOP_BIT);
  Atomics.sub(a, 0, WAITSTOP_BIT);
  Atomics.add(a, 0, GWAITING_BIT); // 1 -> 0: wraps modulo 2^32 like the uint32 xadd
  assert.deepEqual([atomicMcpu(a[0]!), atomicMcpumax(a[0]!), atomicWaitstop(a[0]!), atomicGwaiting(a[0]!)], [4, maxgomaxprocs, 0, 0]);
});

test('an mcpu decrement below zero shows up above maxgomaxprocs', () => {
  const v = (packWord(0, 3, 0, 0) - MCPU_ONE) | 0;
  assert.ok(atomicMcpu(v) > maxgomaxprocs);
});
