// Mutants of models/spin/*.pml that SPIN refuses and the checker used to run (found by
// models/spin/fuzz-malformed.mjs, cut down by hand): each is refused with file:line:col,
// and the look-alikes SPIN accepts are still accepted. A model the checker takes where
// SPIN sees a mistake is checked as another model than the one its author meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileModel } from '../src/check/model.js';
import { refusal } from './support/check-source.js';

const P = (body: string, decls = 'byte x; chan c = [1] of { byte };') => `${decls}\nactive proctype P() {\n${body}\n}\n`;

test('two statements on one line need a separator, as in SPIN; after }, else, an inline call or a { on a new line they do not', () => {
  const refused: [string, RegExp][] = [
    [P('  x = 1 x = 2'), /^m\.pml:3:9: expected ';' or '->' between two statements but found 'x'/],
    [P('  c!x x; x++'), /^m\.pml:3:7: expected ';' or '->' between two statements but found 'x'/], // chan_len: duplicated 'sent'
    [P('  c!1 c?x'), /^m\.pml:3:7: expected ';' or '->' between two statements but found 'c'/],
    [P('  do :: break od { skip }'), /^m\.pml:3:18: expected ';' or '->' between two statements but found '\{'/],
    [P('  x++ if :: skip fi'), /^m\.pml:3:7: expected ';' or '->' between two statements but found 'if'/],
    [P('  byte y x = 2', ''), /^m\.pml:3:10: expected ';' or '->' between two statements but found 'x'/],
    // Exam_2014_2a.pml of the corpus: a receive written inside a guard's expression.
    [P('  do\n  :: x > 0 && c?x -> x--\n  :: else -> break\n  od'), /^m\.pml:4:16: expected ';' or '->' between two statements but found '\?'/],
  ];
  for (const [src, re] of refused) assert.match(refusal(src), re, src);
  const accepted = [
    P('  atomic { x = 1 } x = 2'),
    P('  { x = 1 } { x = 2 }'),
    `inline f() { x = 1 }\n${P('  f() x = 2')}`,
    P('  if :: else x = 2 fi'),
    P('  do :: break od\n  { skip }'),
    P('  chan d = [1] of { byte } d!1'),
    P('  x = 1 -> -> x = 2; ; x = 3'),
    P('  x = 1 unless { x == 2 } x = 3'),
  ];
  for (const src of accepted) assert.ok(compileModel('m.pml', src).machine.trans.length > 0, src);
});

test('a sequence cannot start with a separator: { ; x }, :: -> x and :: ; x are refused as SPIN refuses them', () => {
  assert.match(refusal(P('  if :: -> x = 1 fi')), /^m\.pml:3:9: expected a statement but found '->' \(a sequence cannot start with a separator\)/); // atomic_chain_depth: deleted 'else'
  assert.match(refusal(P('  if :: ; x = 1 fi')), /^m\.pml:3:9: expected a statement but found ';'/);
  assert.match(refusal(P('; byte y; y = 1', '')), /^m\.pml:3:1: expected a statement but found ';'/); // chan_typedef_field: a stray ';'
  assert.match(refusal(P('  atomic { -> x = 1 }')), /^m\.pml:3:12: expected a statement but found '->'/);
  assert.ok(compileModel('m.pml', P('  x = 1\n  ;\n  x = 2')).machine.trans.length > 0);
});

// fuzz-malformed.mjs (--seed 18900, depth_hides_error.pml with ';' and '->' swapped): spin.y takes
// either separator between top-level units, as between statements.
test("between top-level declarations and proctypes '->' separates as ';' does, as in spin.y", () => {
  for (const src of ['byte n->\nactive proctype P() { n++ }', 'byte n;\n->\nactive proctype P() { n++ }', 'byte n\nactive proctype P() { n++ }->', 'byte n;;\nactive proctype P() { n++ };']) {
    assert.equal(compileModel('m.pml', src).program.globals.length, 1, src);
  }
  assert.match(refusal('byte n\n-> ->\nactive proctype P() { n++ } x'), /^m\.pml:3:29: expected a declaration, proctype, init or inline but found 'x'/);
});

test("SPIN's reserved words cannot name a proctype, variable, typedef, inline, mtype or label; a proctype and a global, or a label and a variable, cannot share a name", () => {
  const refused: [string, RegExp][] = [
    ['active proctype active() { skip }\n', /^m\.pml:1:17: 'active' is a reserved word and cannot be a proctype name/], // atomic_block: replaced 'B'
    ['active proctype do() { skip }\n', /^m\.pml:1:17: 'do' is a reserved word and cannot be a proctype name/],
    ['byte skip;\ninit { skip }\n', /^m\.pml:1:6: 'skip' is a reserved word and cannot be a variable name/],
    ['typedef if { byte f };\ninit { skip }\n', /^m\.pml:1:9: 'if' is a reserved word and cannot be a typedef name/],
    ['inline od() { skip }\ninit { skip }\n', /^m\.pml:1:8: 'od' is a reserved word and cannot be an inline name/],
    ['mtype = { red, fi };\ninit { skip }\n', /^m\.pml:1:16: 'fi' is a reserved word and cannot be an mtype name/],
    ['proctype P(byte of) { skip }\ninit { run P(1) }\n', /^m\.pml:1:17: 'of' is a reserved word and cannot be a variable name/],
    ['byte x;\nactive proctype x() { skip }\n', /^m\.pml:2:1: redeclaration of 'x': a global variable and a proctype have this name/], // hidden_restore: replaced 'P'
    // After the proctype, SPIN's lexer reads x as its name (spin: syntax error, saw 'process name').
    ['active proctype x() { skip }\nbyte x;\n', /^m\.pml:2:6: syntax error: saw 'process name' 'x'/],
  ];
  for (const [src, re] of refused) assert.match(refusal(src), re, src);
  // A label shares SPIN's symbol table too (endlabels: `byte:` for `endloop:`;
  // unless_do_option: `x:` for `end:`); a local of another proctype does not count.
  assert.match(refusal(P('byte:\n  do :: break od')), /^m\.pml:3:1: 'byte' is a reserved word and cannot be a label/);
  assert.match(refusal(P('x:\n  do :: break od')), /^m\.pml:3:1: bad label name 'x': a variable of this name is in scope/);
  assert.match(refusal(P('  byte y; y: skip', '')), /^m\.pml:3:11: bad label name 'y'/);
  assert.match(refusal(P('red: skip', 'mtype = { red };')), /^m\.pml:3:1: bad label name 'red': it is an mtype constant/);
  assert.ok(compileModel('m.pml', `active proctype Q() { byte y; skip }\n${P('y: skip', '')}`).machine.trans.length > 0);
  // `in` and `print` are names to SPIN 6.5 (spin -a takes both).
  assert.ok(compileModel('m.pml', 'proctype node(chan in, out) { skip }\nbyte print;\ninit { print = 1 }\n').machine.trans.length > 0);
});

// Found by running the front end over the k14a corpus after the merge: empty bodies
// (a course assignment's skeleton of `proctype X() { }`) and models that start no process.
test('an empty sequence and a model with no runnable process are refused, as SPIN refuses them', () => {
  const refused: [string, RegExp][] = [
    ['active proctype P() { }\n', /^m\.pml:1:23: expected a statement but found '\}' \(a sequence cannot be empty: write skip\)/],
    ['init { }\n', /^m\.pml:1:8: expected a statement but found '\}'/],
    [P('  atomic { }'), /^m\.pml:3:12: expected a statement but found '\}'/],
    [P('  if :: x = 1 :: fi'), /^m\.pml:3:18: expected a statement but found 'fi'/],
    [P('  x = 1 unless { }'), /^m\.pml:3:18: expected a statement but found '\}'/],
    ['never { }\nactive proctype P() { skip }\n', /^m\.pml:1:9: expected a statement but found '\}'/],
    [`inline f() { }\n${P('  f()')}`, /^m\.pml:4:3: inline 'f' has an empty body/],
    ['proctype P() { skip }\n', /^m\.pml:1:1: no runnable process: the model has no init and no active proctype/],
    ['active [0] proctype P() { skip }\n', /^m\.pml:1:1: no runnable process/],
    // spin.y's pfld: an array named without an index (glycerine spin_paxos optimized.pml).
    [P('  x = a + 1', 'byte x, a[2];'), /^m\.pml:3:7: missing array index for 'a'/],
    [P('  c!1', 'chan c[2] = [1] of { byte };'), /^m\.pml:3:3: missing array index for 'c'/],
    // pangen2.c: one plain variable written by two fields (glycerine deadlock.pots.prm).
    [P('  c?x,x', 'byte x; chan c = [1] of { byte, byte };'), /^m\.pml:3:5: cannot use var \('x'\) in multiple msg fields/],
    [P('  c?<x,x>', 'byte x; chan c = [1] of { byte, byte };'), /^m\.pml:3:6: cannot use var \('x'\) in multiple msg fields/],
  ];
  for (const [src, re] of refused) assert.match(refusal(src), re, src);
  for (const src of [P('  byte y'), P('  x = 1 ; ;'), 'proctype Q() { skip }\ninit { run Q() }\n', P('  for (x in a) { skip }', 'byte x, a[2];'),
    P('  c?eval(x),x; c?[x,x]; c?a[0],a[0]', 'byte x, a[2]; chan c = [1] of { byte, byte };')]) {
    assert.ok(compileModel('m.pml', src).machine.trans.length > 0, src);
  }
});

test("a backslash-newline is cpp's line splice: the tokens after it keep their line (implied semicolons apply), a // comment goes on past it, a #define joins without a space", () => {
  // SPIN: "syntax error saw '+'" on line 4: cpp prints `+ b` on a line of its own.
  assert.match(refusal(P('  x = x \\\n  + 1', 'byte x;')), /^m\.pml:4:3: expected an expression but found '\+'/);
  // cruise.pml's form: the line ends in an operator, so the expression goes on.
  const m = compileModel('m.pml', P('  x = (x == 0 || \\\n  x == 2 -> 1 : 0); // no x++ here \\\n  x++\n  assert(x == 1)', 'byte x;'));
  assert.equal(m.machine.layout.procs[0]!.flow.nPcs, 3, 'x = ..., assert and the end: the x++ is in the comment');
  const n = compileModel('m.pml', '#define N 1\\\n0\nbyte a[N];\nactive proctype P() { a[9] = 1 }\n');
  assert.equal(n.machine.layout.globals.get('a')!.len, 10, 'N is 10, not 1 0');
});

test('an array passed whole to an inline is refused at the call, as SPIN 6.5.2 refuses it (missing array index); an element, a field or a global named in the body is not', () => {
  const inl = 'inline zero(arr) { arr[0] = 0 }\ninline each(arr) { for (x in arr) { skip } }\n';
  assert.match(refusal(`${inl}${P('  zero(a)', 'byte x, a[2];')}`), /^m\.pml:5:8: missing array index for 'a'/);
  assert.match(refusal(`${inl}${P('  each(a)', 'byte x, a[2];')}`), /^m\.pml:5:8: missing array index for 'a'/);
  assert.match(refusal(`${inl}${P('  byte b[3];\n  zero(b)', 'byte x;')}`), /^m\.pml:6:8: missing array index for 'b'/);
  assert.match(refusal(`typedef T { byte a[2] };\ninline zero(arr) { arr = 0 }\n${P('  zero(s.a)', 'T s;')}`), /^m\.pml:5:10: missing array index for 'a'/);
  for (const body of ['  zero(a[1])', '  zero(s.a[x])', '  zero(t[1].a[0])', '  zero(x)', '  byte b[3]; zero(b[x])']) {
    assert.ok(compileModel('m.pml', `typedef T { byte a[2] };\ninline zero(arr) { arr = 0 }\n${P(body, 'byte x, a[2]; T s, t[2];')}`).machine.trans.length > 0, body);
  }
});

test("a structure sent as one field is refused when its leaves outnumber every channel's fields (spin: too many pars in send, sketch-msg-file1.pml); fewer is pan's run-time error", () => {
  const decls = 'typedef R { chan req = [1] of { byte, int }; int id };\ntypedef M { R r; int id };\nR ch1;';
  assert.match(refusal(P('  M m;\n  ch1.req!1, m', decls)), /^m\.pml:6:3: too many pars in send \(ch1\.req: 4 msg parameters sent, 2 expected\)/);
  assert.match(refusal(P('  ch1.req!1, 2, 3', decls)), /^m\.pml:5:3: too many pars in send \(ch1\.req: 3 msg parameters sent, 2 expected\)/);
  // A channel of three fields elsewhere in the model: the send is compiled, and fails when it runs.
  assert.ok(compileModel('m.pml', P('  ch1.req!1, 2, 3', `${decls}\nchan three = [1] of { byte, byte, byte };`)).machine.trans.length > 0);
});

test("an array size given by a name SPIN 6.5.2 has no initial value for is refused (SPIN crashes); one with a value is that value, or 8", () => {
  const crash = /array size '(\w+)' names .*SPIN 6\.5\.2 crashes on it/;
  for (const [src, at] of [
    ['byte a[M];\nactive proctype P() { a[0] = 1 }\n', 'm.pml:1:8:'], // undeclared
    ['byte a[N];\nbyte N = 5;\nactive proctype P() { a[0] = 1 }\n', 'm.pml:1:8:'], // declared further on
    ['byte N = 2;\ntypedef T { byte a[N] };\nT t;\nactive proctype P() { t.a[1] = 1 }\n', 'm.pml:2:20:'], // not a field of T
    [P('  x = 1;\n  byte n = 4;\n  byte a[n];\n  a[0] = 1', 'byte x;'), 'm.pml:5:10:'], // n = 4 is a step
    [P('  { byte n = 4; byte a[n]; a[0] = 1 }', 'byte x;'), 'm.pml:3:24:'], // in a block: a step too
  ] as const) {
    const r = refusal(src);
    assert.match(r, crash, src);
    assert.ok(r.startsWith(at), `${at} ${r}`);
  }
  const len = (src: string, name: string) => compileModel('m.pml', src).machine.layout.globals.get(name)!.len;
  assert.equal(len("byte TARGET_LEN = 13;\nbyte target[TARGET_LEN] = {\n 't','o','b','e','o','r','n','o','t','t','o','b','e' };\nactive proctype P() { skip }\n", 'target'), 13);
  for (const [decl, n] of [['byte N', 8], ['byte N = 0', 8], ['byte N = 2+3', 8], ['short N = -3', 8], ['int N = 300', 300], ['chan N = [3] of {byte}', 3], ['bool N = true', 1], ["byte N = 'a'", 97]] as const) {
    assert.equal(len(`${decl};\nbyte a[N];\nactive proctype P() { skip }\n`, 'a'), n, decl);
  }
});

test('a goto inside a d_step may land anywhere inside it; one that leaves it, or a break out of a loop around it, is refused (spin: non_local jump in d_step sequence)', () => {
  for (const [body, at, what] of [
    ['  d_step { x = 1; goto L; x = 2 };\nL: x = 3', '3:19', 'goto L'],
    ['L: x = 3;\n  d_step { x = 1; if :: x == 3 -> goto L :: else fi; x = 2 }', '4:35', 'goto L'],
    ['  do :: d_step { x++; if :: x > 3 -> break :: else fi } od', '3:38', 'break'],
  ] as const) {
    assert.match(refusal(P(body, 'byte x;')), new RegExp(`^m\\.pml:${at}: non_local jump in d_step sequence \\(${what} leaves the d_step\\)`), body);
  }
  for (const body of ['  d_step { x = 1; L: x++; if :: x < 5 -> goto L :: else fi }', '  d_step { do :: x < 3 -> x++ :: else -> goto E od; E: x = 0 }',
    '  d_step { do :: x < 3 -> x++ :: else -> break od; x = 0 }']) {
    assert.ok(compileModel('m.pml', P(body, 'byte x;')).machine.trans.length > 0, body);
  }
});

test('a label on the first statement of a { }, atomic, d_step or inline body, or on a plain statement before unless, is refused (spin: label placed incorrectly)', () => {
  for (const [body, at] of [
    ['  atomic { L: x++ }', '3:12'], ['  d_step { L: x++ }', '3:12'], ['  { L: x++ }', '3:5'],
    ['  if :: atomic { L: M: x++ } fi', '3:18'], ['  x++ unless { L: x > 3 }', '3:16'], ['  L: x++ unless { x > 3 }', '3:3'],
    ['  do :: { L: x++ } unless { x > 3 } od', '3:11'], ['  atomic { L: if :: x++ fi }', '3:12'], ['  atomic { L: select (i : 0 .. 40) }', '3:12'],
  ] as const) {
    assert.match(refusal(P(body, 'byte x, i;')), new RegExp(`^m\\.pml:${at}: label '(L|M)' placed incorrectly`), body);
  }
  assert.match(refusal(`inline f() { L: x++ }\n${P('  f()', 'byte x;')}`), /^m\.pml:1:14: label 'L' placed incorrectly: .* an inline body/);
  assert.match(refusal(P('  L: d_step { x++ } unless { x > 2 }', 'byte x;')), /^m\.pml:3:21: 'unless' inside d_step/);
  // What SPIN takes: a label before the block, after the first statement, in a for body or an option.
  for (const body of ['  L: atomic { x++ }', '  { byte y; L: x++ }', '  x++; { x++; L: x++ }; goto L', '  for (i : 0 .. 2) { L: x++ }',
    '  L: { x++ } unless { x > 3 }', '  L: atomic { x++ } unless { x > 3 }', '  d_step { x++ } unless { x > 3 }', '  if :: x > 0 -> L: x++ :: else fi',
    // A loop keeps its label on its own element (KWLuna verification-4_copy.pml: atomic{end:do ...}).
    '  atomic { L: M: do :: x++ :: break od }', '  { L: for (i : 0 .. 2) { x++ } }', '  atomic { L: select (i : 0 .. x) }', '  L: do :: x++ :: break od unless { x > 3 }']) {
    assert.ok(compileModel('m.pml', P(body, 'byte x, i;')).machine.trans.length > 0, body);
  }
});
