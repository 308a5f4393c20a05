// SPIN 6's block scopes and where a local declaration is a step (spin.y's ivar, sym.c's
// lookup): every `{` and every inline expansion opens a scope; a name declared in two
// scopes neither of which holds the other is two variables; a declaration in a block, an
// option or an inline is a step even before the proctype's first statement, and for an
// array it sets element 0 only. Figures from spin -o1 -o2 -o3 -a; gcc -DSAFETY
// -DNOREDUCE; ./pan: [stored, matched, atomic steps, errors, depth reached].
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileModel } from '../src/check/model.js';
import { search } from '../src/check/search.js';
import { replay } from '../src/check/replay.js';
import { checkSource as check, figures, refusal as errorOf } from './support/check-source.js';


const TWINS = `byte x = 1;
inline inc(v) { byte t = v; t++; v = t }
active proctype P() {
  if
  :: true -> { byte y = 5; y++; x = y }
  :: true -> { byte y; y = 2; x = y }
  fi;
  inc(x);
  inc(x);
  assert(x == 1)
}`;

test('the same name in sibling blocks and in two expansions of an inline is two variables', () => {
  const m = compileModel('m.pml', TWINS);
  assert.deepEqual(m.program.procs[0]!.locals.map((d) => d.name), ['y', 'y#2', 't', 't#2']);
  const r = search(m.machine, { maxDepth: 10000, memLimitBytes: 1 << 28 });
  assert.deepEqual(figures(r), [11, 0, 0, 1, 10]);
  // The listing names each by its plain name, as spin -t -p does ("P(0):t = 7").
  let listing = '';
  replay(m.machine, 'm.pml', r.error!.steps, (s) => { listing += s; });
  assert.match(listing, /\[y = 5\]\n\t\tP\(0\):y = 5\n/);
  assert.match(listing, /\[t = \(t\+1\)\]\n\t\tP\(0\):t = 8\n/);
  assert.doesNotMatch(listing, /#/);
});

test('a declaration in an option or a block is a step, even before the first statement', () => {
  assert.deepEqual(figures(check('active proctype P() {\n  if\n  :: byte y = 5; y++\n  :: skip\n  fi;\n  { byte z = 3; z++ }\n}')), [9, 1, 0, 0, 5]);
  assert.deepEqual(figures(check('active proctype P() {\n  { byte z = 3; z++ }\n}')), [4, 0, 0, 0, 3]);
});

test('after the first statement an array declaration sets element 0 only, a structure\'s is an empty step', () => {
  // pan lists them `[other[0] = 0]` on line 4 and `[more[0] = 7]` on line 5: the line the
  // parser has read past the declaration.
  const steps = (src: string, expected: number[]) => {
    const m = compileModel('m.pml', src);
    const r = search(m.machine, { maxDepth: 10000, memLimitBytes: 1 << 28 });
    assert.deepEqual(figures(r), expected);
    return r.error!.steps.map((x) => { const t = m.machine.trans[x.tid]!; return `${t.line} ${t.text}`; });
  };
  assert.deepEqual(steps('active proctype P() {\n  skip;\n  byte other[3];\n  int more[2] = 7;\n  other[1] = 3;\n  assert(other[1] == 4)\n}', [5, 0, 0, 1, 4]),
    ['2 (1)', '4 other[0] = 0', '5 more[0] = 7', '5 other[1] = 3', '6 assert((other[1]==4))']);
  assert.deepEqual(steps('typedef T { byte a; byte b };\nactive proctype P() {\n  skip;\n  T t; byte x, y = 3\n  ; t.b = 3;\n  assert(t.b == 4)\n}', [6, 0, 0, 1, 5]),
    ['3 (1)', '4 ', '4 x = 0', '5 y = 3', '5 t.b = 3', '6 assert((t.b==4))']);
});

test('what SPIN refuses: a name visible from an enclosing scope (or a global above) declared again, a block local used after its block', () => {
  assert.match(errorOf('active proctype P() { byte y;\n  { byte y = 1 } }'), /^m\.pml:2:10: redeclaration of 'y'/);
  assert.match(errorOf('active proctype P() { { byte y = 1; { byte y } } }'), /^m\.pml:1:44: redeclaration of 'y'/);
  // Options are no scope: the two y are in the body's.
  assert.match(errorOf('active proctype P() { if :: byte y = 1 :: byte y = 2 fi }'), /^m\.pml:1:48: redeclaration of 'y'/);
  assert.match(errorOf('active proctype P(byte p) { { byte p = 1 } }'), /^m\.pml:1:36: redeclaration of 'p'/);
  assert.match(errorOf('active proctype P() { { byte y = 1; y++ };\n  y = 3 }'), /^m\.pml:2:3: undeclared variable: y/);
  // A global declared above is visible too: a local or parameter may not take its name.
  assert.match(errorOf('byte y;\nactive proctype P() { byte y = 1 }'), /^m\.pml:2:28: redeclaration of 'y'/);
  assert.match(errorOf('byte p;\nactive proctype P(byte p) { skip }'), /^m\.pml:2:24: redeclaration of 'p'/);
  assert.doesNotThrow(() => compileModel('m.pml', 'active proctype P() { byte y; skip }\nbyte y;\nactive proctype Q() { y = 1 }'));
});
