// SPIN's lexer reads a name as a process name once its proctype is declared (PNAME), as a
// constant once it is an mtype name (CONST), as a typename once a typedef has it (UNAME)
// and as an inline's name once the inline is defined (INAME); spin.y takes only a plain
// NAME as a variable being declared or as a structure field (`pfld`), so each of those is
// its syntax error there. Each case below was run through spin 6.5.2 -a (exit 1, the
// message in the comment); the accepted ones exit 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { refusal } from './support/check-source.js';

test("a structure field named like a proctype declared above (spin: syntax error, saw 'process name')", () => {
  // The field used after the proctype, in a statement, a condition, a printf, ++, a receive.
  assert.match(refusal('typedef T { int P }\nproctype P() { skip }\ninit { T t; t.P = 1; run P() }'), /^m\.pml:3:15: syntax error: saw 'process name' 'P'/);
  assert.match(refusal('typedef T { int P }\nproctype P() { skip }\ninit { T t; t.P == 0; run P() }'), /^m\.pml:3:15: syntax error: saw 'process name' 'P'/);
  assert.match(refusal('typedef T { int P }\nproctype P() { skip }\ninit { T t; printf("%d", t.P); run P() }'), /^m\.pml:3:28: syntax error: saw 'process name' 'P'/);
  assert.match(refusal('typedef T { int P }\nT t;\nactive proctype P() { t.P++ }'), /^m\.pml:3:25: syntax error: saw 'process name' 'P'/);
  assert.match(refusal('typedef T { int P }\nchan c = [1] of { int };\nT t;\nactive proctype P() { c!1; c?t.P }'), /^m\.pml:4:32: syntax error: saw 'process name' 'P'/);
  assert.match(refusal('typedef T { int P }\nT t[2];\nactive proctype P() { t[1].P = 1 }'), /^m\.pml:3:28: syntax error: saw 'process name' 'P'/);
  // In a never claim written after the proctype; in an ltl block wherever it stands
  // (SPIN parses ltl formulas once the whole model is read).
  assert.match(refusal('typedef T { int P }\nT t;\nactive proctype P() { skip }\nnever { do :: t.P == 0 od }'), /^m\.pml:4:17: syntax error: saw 'process name' 'P'/);
  assert.match(refusal('typedef T { int P }\nT t;\nltl p1 { [] (t.P == 0) }\nproctype P() { skip }\ninit { run P() }'), /^m\.pml:3:16: syntax error: saw 'process name' 'P'/);
  // An inline's body is read where it is called: after the proctype, or as an argument.
  assert.match(refusal('typedef T { int P }\nT t;\ninline f() { t.P = 1 }\nproctype P() { skip }\ninit { f(); run P() }'), /^m\.pml:3:16: syntax error: saw 'process name' 'P'/);
  assert.match(refusal('typedef T { int P }\nT t;\ninline f(x) { x = 1 }\nactive proctype P() { f(t.P) }'), /^m\.pml:4:27: syntax error: saw 'process name' 'P'/);
  // The field declared after the proctype.
  assert.match(refusal('proctype P() { skip }\ntypedef T { int P }\ninit { T t; run P() }'), /^m\.pml:2:17: syntax error: saw 'process name' 'P'/);
});

test('a structure field named like a proctype is taken where SPIN still lexes a plain name', () => {
  // Declared and used before the proctype; an inline called before it; a claim before it;
  // `run P()` names the proctype itself.
  for (const ok of [
    'typedef T { int P }\nproctype P() { skip }\ninit { T t; run P() }',
    'typedef T { int P }\nT t;\ninit { t.P = 1; run P() }\nproctype P() { skip }',
    'typedef T { int P }\nT t;\ninline f() { t.P = 1 }\ninit { f(); run P() }\nproctype P() { skip }',
    'typedef T { int P }\nT t;\nnever { do :: t.P == 0 od }\nactive proctype P() { skip }',
  ]) assert.throws(() => refusal(ok), /accepted/, `SPIN takes:\n${ok}`);
});

test("a field or variable named like an mtype constant, a typedef or an inline declared above (spin: saw 'a constant', 'a typename', 'inline name')", () => {
  assert.match(refusal('typedef T { int m }\nmtype = { m };\ninit { T t; t.m = 1 }'), /^m\.pml:3:15: syntax error: saw 'a constant' 'm'/);
  assert.match(refusal('mtype = { m };\ntypedef T { int m }\ninit { T t; t.m = 1 }'), /^m\.pml:2:17: syntax error: saw 'a constant' 'm'/);
  assert.match(refusal('typedef T { int f }\ninline f() { skip }\ninit { T t; t.f = 1; f() }'), /^m\.pml:3:15: syntax error: saw 'inline name' 'f'/);
  assert.match(refusal('inline f() { skip }\ntypedef T { int f }\ninit { T t; t.f = 1 }'), /^m\.pml:2:17: syntax error: saw 'inline name' 'f'/);
  assert.match(refusal('typedef T { int U }\ntypedef U { int x }\ninit { T t; t.U = 1 }'), /^m\.pml:3:15: syntax error: saw 'a typename' 'U'/);
  assert.match(refusal('typedef U { int x }\ntypedef T { int U }\ninit { T t; skip }'), /^m\.pml:2:17: syntax error: saw 'a typename' 'U'/);
  // Plain variables are declarations too.
  assert.match(refusal('mtype = { m };\nint m;\ninit { m = 1 }'), /^m\.pml:2:5: syntax error: saw 'a constant' 'm'/);
  assert.match(refusal('inline f() { skip }\nint f;\ninit { f = 1 }'), /^m\.pml:2:5: syntax error: saw 'inline name' 'f'/);
  assert.match(refusal('inline f() { skip }\ninit { int f; f = 1 }'), /^m\.pml:2:12: syntax error: saw 'inline name' 'f'/);
  assert.match(refusal('typedef U { int x }\nint U;\ninit { U = 1 }'), /^m\.pml:2:5: syntax error: saw 'a typename' 'U'/);
});

test("a remote reference's variable named like a proctype declared above (spin: syntax error, saw 'process name')", () => {
  const p = 'active proctype P() { byte i; do :: i < 3 -> i++ :: else -> break od }\n';
  assert.match(refusal(`${p}active proctype i() { skip }\nnever { do :: P:i == 2 od }`), /^m\.pml:3:17: syntax error: saw 'process name' 'i' \(the variable of a remote reference P:i/);
  // An ltl block is read once the whole model is: the proctype after it counts.
  assert.match(refusal(`${p}ltl p1 { [] (P[0]:i < 3) }\nactive proctype i() { skip }`), /^m\.pml:2:19: syntax error: saw 'process name' 'i'/);
  assert.throws(() => refusal(`${p}never { do :: P:i == 2 od }\nactive proctype i() { skip }`), /accepted/, 'SPIN takes P:i before proctype i');
});

test("a remote reference names a variable, not a structure field (spin: syntax error, saw '.')", () => {
  assert.match(refusal('typedef T { int x }\nactive proctype Q() { T a; a.x = 1 }\nactive proctype P() { Q:a.x == 1 }'), /^m\.pml:3:26: syntax error: saw '\.'/);
  assert.throws(() => refusal('active proctype Q() { byte z; z = 1 }\nactive proctype P() { Q:z == 1 }'), /accepted/, 'SPIN takes Q:z');
});
