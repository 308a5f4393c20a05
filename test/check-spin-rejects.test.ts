// What SPIN 6.5.2 refuses at compile time (`spin -a`), the checker refuses too, before any
// search, with file:line:col and SPIN's wording. SPIN's message for each is in the comment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileModel } from '../src/check/model.js';
import { refusal } from './support/check-source.js';

test('arithmetic on a channel variable (spin: invalid use of chan name)', () => {
  assert.match(refusal('chan c = [1] of {byte};\nactive proctype P() { c = c + 1 }'), /^m\.pml:2:27: invalid use of chan name 'c'/);
  assert.match(refusal('chan c = [1] of {byte};\nbyte x;\nactive proctype P() { x = -c }'), /^m\.pml:3:28: invalid use of chan name/);
});

test('a constant assigned to a channel variable (spin: invalid asgn to chan); another channel may be', () => {
  assert.match(refusal('chan c = [1] of {byte};\nchan d;\ninit { d = c; d!1; c = 0 }'), /^m\.pml:3:20: invalid asgn to chan 'c'/);
  assert.match(refusal('chan c;\nactive proctype P() { chan d = [1] of {bit};\n  c = true }'), /^m\.pml:3:3: invalid asgn to chan 'c'/);
  assert.throws(() => refusal('chan c = [1] of {byte};\nchan d;\ninit { d = c; d!1 }'), 'SPIN takes a channel assigned to a channel');
  // SPIN leaves a structure's fields unchecked (Examples/for_example.pml writes foo.c = 0).
  assert.throws(() => refusal('typedef T { chan c };\ninit { T t; t.c = 0 }'), 'SPIN takes a constant in a chan field');
});

test("else beside a send or receive option is accepted: SPIN prints 'dubious use of else combined with i/o' but builds pan", () => {
  // The search's figures are models/spin/else_io's; here only that neither form is refused.
  assert.throws(() => refusal('chan c = [1] of {byte};\nactive proctype P() { byte x;\n  if\n  :: c?x\n  :: else -> skip\n  fi }'), 'SPIN takes else beside a receive');
  assert.throws(() => refusal('chan c = [1] of {byte};\nactive proctype P() { do :: c!1 :: else -> break od }'), 'SPIN takes else beside a send');
});

test('a goto into a d_step (spin: jump into d_step sequence)', () => {
  assert.match(refusal('active proctype P() { byte x;\n  goto L;\n  d_step { x = 1; L: x = 2 } }'), /^m\.pml:2:3: jump into d_step sequence/);
});

test('a goto or break that lands on a d_step (spin: jump into d_step sequence), not a plain sequence', () => {
  assert.match(refusal('active proctype P() { byte x;\n  goto L;\nL: d_step { x = 1 } }'), /^m\.pml:2:3: jump into d_step sequence/);
  assert.match(refusal('active proctype P() { byte x;\n  do :: x < 2 -> x++ :: else -> break od;\n  d_step { x = 1 } }'), /^m\.pml:2:33: jump into d_step sequence/);
  assert.match(refusal('active proctype P() { byte x;\n  if :: do :: break od fi;\n  d_step { x = 1 } }'), /^m\.pml:2:15: jump into d_step sequence/);
  // A break inside an atomic sequence lands where the sequence ends (pan's huntele stops
  // there), not on the d_step after it: models/spin/dstep_after_atomic_loop.
  assert.match(refusal('active proctype P() { byte x;\n  atomic { do :: break od; d_step { x = 1 }; x = 2 } }'), /^m\.pml:2:18: jump into d_step sequence/);
  for (const ok of ['if :: x++ :: skip fi; d_step { x = 1 }', 'do :: x < 2 -> x++ :: else -> break od; skip; d_step { x = 1 }', 'for (x : 0 .. 1) { d_step { x = x } }',
    'atomic { for (x : 0 .. 2) { skip } }; d_step { x = 1 }', 'atomic { do :: x < 2 -> x++ :: else -> break od }; d_step { x = 1 }']) {
    assert.throws(() => refusal(`active proctype P() { byte x; ${ok} }`), `SPIN takes: ${ok}`);
  }
});

test('a send with more fields than the channel has (spin: too many pars in send)', () => {
  assert.match(refusal('chan c = [1] of {byte};\nactive proctype P() { c!1,2 }'), /^m\.pml:2:23: too many pars in send/);
});

test('more than 255 active processes (spin: max nr of processes is 255)', () => {
  assert.match(refusal('active [300] proctype P() { skip }'), /^m\.pml:1:9: max nr of processes is 255/);
  assert.match(refusal('#define N 128\nactive [2*N] proctype P() { skip }'), /^m\.pml:2:9: max nr of processes is 255/);
  compileModel('m.pml', 'active [255] proctype P() { skip }');
});

test('an initialised local channel after the first statement (spin: place initialized chan decl ... at start of proctype)', () => {
  assert.match(refusal('active proctype P() { byte x;\n  x = 1;\n  chan c = [1] of {byte}; c!1 }'), /^m\.pml:3:8: place initialized chan decl of 'c' at start of proctype/);
  // Also before any statement, once a nested sequence has opened (flow.c open_seq).
  assert.match(refusal('init {\n  atomic { chan c = [1] of {byte}; c!1 } }'), /^m\.pml:2:17: place initialized chan decl of 'c' at start of proctype/);
  assert.match(refusal('active proctype P() {\n  if :: chan c = [1] of {byte}; c!1 fi }'), /^m\.pml:2:14: place initialized chan decl of 'c' at start of proctype/);
  assert.throws(() => refusal('init { chan c = [1] of {byte}; atomic { c!1 } }'), 'SPIN takes a channel declared before the first statement');
});

test('for (x in ...) over what is not an array or buffered channel of its type (spin: bad arrayname, bad channel type, ...)', () => {
  const decls = 'typedef Msg { byte v };\ntypedef Two { byte v };\nchan q = [2] of { Msg };\nchan r = [0] of { Msg };\nbyte arr[2]; byte b;\n';
  const at = (body: string) => refusal(`${decls}active proctype P() {\n\t${body}\n}\n`);
  assert.match(at('byte i; for (i in q) { skip }'), /^m\.pml:7:20: bad arrayname q/);
  assert.match(at('byte i; for (i in b) { skip }'), /^m\.pml:7:20: bad arrayname b/);
  assert.match(at('Msg m; for (m in arr) { skip }'), /^m\.pml:7:19: for \( m in \.channel_name \) \{ \.\.\. \}/);
  assert.match(at('Msg m; for (m in r) { skip }'), /^m\.pml:7:19: bad channel type r in for/);
  assert.match(at('Two t; for (t in q) { skip }'), /^m\.pml:7:14: type of t does not match chan/);
  assert.match(at('byte i; for (arr in arr) { skip }'), /^m\.pml:7:15: bad index in for-construct arr/);
  compileModel('m.pml', `${decls}active proctype P() { byte i; Msg m; for (i in arr) { skip }; for (m in q) { skip } }`);
});

test("a proctype's parameters: a type after ',' or a separator before ')' (spin: syntax error, saw 'data typename' / saw ')')", () => {
  assert.match(refusal('proctype P(int x, int y) { skip }\ninit { run P(1, 2) }'), /^m\.pml:1:19: expected a parameter name after ',' but found 'int'/);
  assert.match(refusal('proctype P(int x; int y;) { skip }\ninit { run P(1, 2) }'), /^m\.pml:1:25: expected a parameter declaration after ';' but found '\)'/);
  assert.match(refusal('proctype P(int x, y,) { skip }\ninit { run P(1, 2) }'), /^m\.pml:1:21: expected a parameter name after ',' but found '\)'/);
  // Names sharing a type, and types separated by ';', are SPIN's forms.
  assert.throws(() => refusal('proctype P(int x, y; byte z) { skip }\ninit { run P(1, 2, 3) }'), 'SPIN takes int x, y; byte z');
});

test('an mtype name declared twice (spin: name X appears twice in mtype declaration; a later list: syntax error)', () => {
  assert.match(refusal('mtype = { req, req, ack };\nactive proctype P() { skip }'), /^m\.pml:1:16: name req appears twice in mtype declaration/);
  assert.match(refusal('mtype = { req, ack };\nmtype = { ack, nak };\nactive proctype P() { skip }'), /^m\.pml:2:11: syntax error: saw 'a constant' near 'ack'/);
  assert.throws(() => refusal('mtype = { req, ack };\nmtype = { nak };\nactive proctype P() { mtype m = nak; m != req }'), 'SPIN takes a second list of new names');
});

test("a variable named like a proctype declared above it (spin: syntax error, saw 'process name')", () => {
  assert.match(refusal('active proctype P() { skip }\nproctype Q() { byte P; P = 1 }'), /^m\.pml:2:21: syntax error: saw 'process name' 'P'/);
  assert.match(refusal('active proctype P() { skip }\nbyte P;'), /^m\.pml:2:6: syntax error: saw 'process name' 'P'/);
  assert.throws(() => refusal('proctype Q() { byte P; P = 1 }\nactive proctype P() { run Q() }'), 'SPIN takes a local named like a proctype declared after it');
});

test("SPIN's write-only variable `_`: read (spin: attempt to read value of '_') or declared (spin: redeclaration of '_')", () => {
  assert.match(refusal('byte x;\nactive proctype P() { x = _ + 1 }'), /^m\.pml:2:27: attempt to read value of '_'/);
  assert.match(refusal('active proctype P() {\n  _++ }'), /^m\.pml:2:3: attempt to read value of '_'/);
  assert.match(refusal('active proctype P() { bool b;\n  b = (_ > 0) }'), /^m\.pml:2:8: attempt to read value of '_'/);
  assert.match(refusal('byte _;\nactive proctype P() { _ = 1 }'), /^m\.pml:1:6: redeclaration of '_'/);
  assert.match(refusal('active proctype P(byte _) { skip }'), /^m\.pml:1:24: redeclaration of '_'/);
  // Assigned, it is taken (models/spin/write_only_var has the figures); a field named _ is another name.
  compileModel('m.pml', 'byte a[2];\nactive proctype P() { _ = a[1] * 2; atomic { _ = 1 }; d_step { _ = 0 } }');
  compileModel('m.pml', 'typedef T { byte _ };\nT t;\nactive proctype P() { t._ = 1 }');
});

test('a macro name right after a number and dots, 1..N (spin: undeclared variable: N): cpp reads 1..N as one preprocessing number', () => {
  // Ben-Ari's counting-6.pml, sparse-6.pml and fischer-6.pml (Principles of the Spin Model Checker) write `for (i : 1..N)`.
  assert.match(refusal('#define N 3\nactive proctype P() { byte i; for (i : 1..N) { skip } }'), /^m\.pml:2:43: undeclared variable: N \(cpp/);
  assert.match(refusal('#define N 4\nactive proctype P() { byte r;\n  for (r : 0..N-1) { skip } }'), /^m\.pml:3:15: undeclared variable: N/);
  // In a macro's body too: cpp never split the number there either.
  assert.match(refusal('#define R 0..N\n#define N 3\nactive proctype P() { byte i; for (i : R) { skip } }'), /^m\.pml:3:40: undeclared variable: N/);
  // With spaces, or with N a variable, SPIN takes it.
  compileModel('m.pml', '#define N 3\nactive proctype P() { byte i; for (i : 1 .. N) { skip } }');
  compileModel('m.pml', 'byte N = 3;\nactive proctype P() { byte i; for (i : 1..N) { skip } }');
  compileModel('m.pml', '#define N 3\nbyte a1;\nactive proctype P() { a1 = N; a1 = a1+N }');
});
