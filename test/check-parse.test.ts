// Parser errors name the position and show a caret; unsupported constructs are named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileModel } from '../src/check/model.js';
import { stmtText } from '../src/check/promela/text.js';
import { refusal as errorOf } from './support/check-source.js';


test('a mismatched closing keyword points at it with a caret', () => {
  const msg = errorOf('byte x;\nactive proctype A() {\n  do\n  :: x < 3 -> x++\n  fi\n}\n');
  assert.equal(msg, "m.pml:5:3: expected 'od' but found 'fi'\n  fi\n  ^");
});

test('a missing brace says what was expected', () => {
  assert.match(errorOf('active proctype A() { skip; od }'), /^m\.pml:1:29: expected ';' or '}' but found 'od'/);
});

test('unsupported constructs are named', () => {
  assert.match(errorOf('active proctype A() { priority 2 }'), /^m\.pml:1:23: 'priority' belongs after a proctype's parameters or a run's arguments/);
  assert.match(errorOf('active proctype A() { skip }\ntrace { skip }'), /^m\.pml:2:9: not an event: an expression statement/);
  assert.match(errorOf('active proctype A() { c_code { x = 1; } }'), /'c_code' is not supported/);
});

test('undeclared variables, unknown proctypes, inline arity', () => {
  assert.match(errorOf('active proctype A() { y = 1 }'), /1:23: undeclared variable 'y'/);
  assert.match(errorOf('active proctype A() { run B() }'), /unknown proctype 'B' in run/);
  assert.match(errorOf('inline f(a) { a = 1 }\nbyte x;\nactive proctype A() { f(x, x) }'), /3:23: inline 'f' takes 1 argument\(s\), got 2/);
  assert.match(errorOf('active proctype A() { goto L }'), /undefined label 'L'/);
});

test('statements may omit separators before a closing brace and between inline calls', () => {
  const m = compileModel('m.pml', 'byte x;\ninline inc() { x++ }\nactive proctype A() {\n  inc()\n  inc()\n  d_step { x == 2; x = 0 }\n  x == 0\n}\n');
  assert.ok(m.machine.trans.length > 0);
});

test('a remote reference may leave out the pid (P@cs, P:n); a proctype name followed by : is no label', () => {
  const m = compileModel('m.pml', 'active proctype P() { byte n; cs: n++ }\nnever { do :: P:n == 0 && !P@cs :: P@cs -> break od }');
  const opts = m.program.claim!.body[0]!;
  assert.equal(opts.k, 'do');
  const first = opts.k === 'do' ? opts.opts[0]![0]! : null;
  assert.equal(first?.k, 'expr', 'P:n starts an expression, not a label');
});

test('a newline ends a statement where SPIN 6.3 implies a semicolon, not inside parentheses', () => {
  const body = (src: string) => compileModel('m.pml', src).program.procs[0]!.body.map((s) => s.k);
  // `request` then `(r == 0)` on the next line: an assignment and a guard, not a call.
  assert.deepEqual(body('byte r, q;\nactive proctype P() {\n  r = q\n  (r == 0)\n}'), ['assign', 'expr']);
  assert.deepEqual(body('byte r, q;\nactive proctype P() {\n  r = (q\n  + 1)\n}'), ['assign']);
  assert.deepEqual(body('byte r, q;\nactive proctype P() {\n  r = q +\n  1\n}'), ['assign']);
  assert.deepEqual(body('byte r;\nactive proctype P() {\n  { r++ }\n  unless { r > 2 }\n}'), ['unless']);
});

test('printm(e) is a printf of the mtype name ("%e"), listed as printm(e)', () => {
  const m = compileModel('m.pml', 'mtype = { a, b };\nmtype c = b;\nactive proctype P() { printm(c) }');
  const s = m.program.procs[0]!.body[0]!;
  assert.ok(s.k === 'printf' && s.fmt === '%e' && s.args.length === 1 && s.printm === true, JSON.stringify(s));
  assert.equal(stmtText(s), 'printm(c)');
  assert.match(errorOf('active proctype P() { printm c }'), /expected '\(' but found 'c'/);
});

test('unsigned name : width declares a bit-field; a missing or too wide width, or unsigned in a message, is refused', () => {
  const m = compileModel('m.pml', 'unsigned a : 3 = 5, b : 12;\nactive proctype P() { a = a + 4 }');
  const [a, b] = m.program.globals;
  assert.deepEqual([a!.bits, a!.type, b!.bits, b!.type], [3, 'byte', 12, 'short']);
  assert.match(errorOf('unsigned a;\ninit { skip }'), /^m\.pml:1:11: unsigned 'a' needs a width/);
  assert.match(errorOf('unsigned a : 40;\ninit { skip }'), /^m\.pml:1:14: unsigned width must be 1 to 31 bits here, got 40/);
  assert.match(errorOf('chan c = [1] of { unsigned };\ninit { skip }'), /unsigned cannot be used as a message type/);
});

// Found by models/spin/fuzz.mjs --more (the checker ran both; spin -a refuses both, on every
// channel declared with such a message, nested at any depth, run or not).
test('a message typedef holding an unsigned field or an array of structures is refused, as spin -a refuses it', () => {
  assert.match(errorOf('typedef M { byte x; unsigned y : 2 };\nchan q = [2] of { M };\nactive proctype P() { skip }'),
    /^m\.pml:2:19: a message of type 'M' may not hold an unsigned field \('y'\): SPIN refuses it too \("bad channel spec"\)/);
  assert.match(errorOf('typedef M { byte x; unsigned y : 2 };\ntypedef N { M m };\nproctype Q() { chan q = [1] of { byte, N }; skip }\ninit { skip }'),
    /^m\.pml:3:40: a message of type 'N' may not hold an unsigned field \('y'\)/);
  assert.match(errorOf('typedef M { byte x };\ntypedef N { M m[1] };\nchan q = [1] of { N };\ninit { skip }'),
    /^m\.pml:3:19: a message of type 'N' may not hold an array of structures \(field 'm'\): SPIN refuses it too \("array of structures in param list"\)/);
  // What SPIN accepts stays accepted: a struct field that is no array, byte arrays, bits,
  // and unsigned in a typedef that is never a message.
  compileModel('m.pml', 'typedef M { byte x; bit b };\ntypedef N { M m; byte z[2] };\nchan q = [1] of { N };\nactive proctype P() { N n; q!n; q?n }');
  compileModel('m.pml', 'typedef M { byte x; unsigned y : 2 };\nactive proctype P() { M m; m.y = 3 }');
});

test('a for whose body brace is on the next line parses (no semicolon is implied before {)', () => {
  const m = compileModel('m.pml', 'byte i, s;\nactive proctype P() {\n  for (i : 0 .. 2)\n  {\n    s = s + i\n  }\n}');
  assert.equal(m.program.procs[0]!.body.length, 1);
});

test("an mtype list takes SPIN's optional commas: a trailing one, doubled ones, none, not a leading one", () => {
  const values = (decl: string) => { const p = compileModel('m.pml', `${decl}\nactive proctype P() { skip }`).program; return p.mtypes.map((n) => `${n}=${p.mtypeValues.get(n)}`).join(' '); };
  assert.equal(values('mtype = { a, b, }'), 'a=2 b=1');
  assert.equal(values('mtype = { a, b, , c }'), 'a=3 b=2 c=1');
  assert.equal(values('mtype = { a b\n c }'), 'a=3 b=2 c=1');
  assert.equal(values('mtype:s = { a, b, }'), 'a=2 b=1');
  assert.match(errorOf('mtype = { , a }\nactive proctype P() { skip }'), /^m\.pml:1:11: expected an mtype name but found ','/);
  assert.match(errorOf('mtype = { }\nactive proctype P() { skip }'), /^m\.pml:1:11: expected an mtype name but found '}'/);
});

test('a chan field in a typedef is accepted uninitialised, and initialised it keeps its channel type', () => {
  const m = compileModel('m.pml', 'typedef T { byte x; chan c };\nchan q = [1] of { byte };\nT t;\nactive proctype P() { t.c = q; t.c!1; assert(len(t.c) == 1) }');
  assert.deepEqual(m.program.typedefs.get('T')!.map((f) => `${f.name}:${f.type}`), ['x:byte', 'c:chan']);
  // The channel per instance it makes is models/spin/chan_typedef_init's matter.
  const i = compileModel('m.pml', 'typedef T { byte x;\n  chan c[2] = [3] of { byte, short } };\nT t;\nactive proctype P() { t.c[1]!1,2 }');
  const c = i.program.typedefs.get('T')![1]!;
  assert.deepEqual([c.len, c.chan?.cap, c.chan?.fields], [2, 3, ['byte', 'short']]);
});

test("'return' belongs in an inline called for a value (v = f(args)); SPIN refuses it elsewhere and reserves the word", () => {
  assert.match(errorOf('byte x;\ninline f() { return 1 }\nactive proctype P() { f() }'), /^m\.pml:2:14: 'return' outside an inline called for a value/);
  assert.match(errorOf('byte x;\nactive proctype P() { x = 1; return x }'), /^m\.pml:2:30: 'return' outside an inline called for a value/);
  assert.match(errorOf('byte x;\ninline f() { return 1 }\nactive proctype P() { x = f() + 1 }'), /^m\.pml:3:31: expected an expression but found '\+'/);
  assert.match(errorOf('byte return;\nactive proctype P() { skip }'), /'return' is a reserved word/);
});

test('never claims are named as SPIN names them: never NAME, or never_N (N the claims before it); the name of the claim just before cannot be used again', () => {
  assert.match(errorOf('byte x;\nactive proctype P() { x++ }\nnever a { skip }\nnever a { skip }'), /^m\.pml:4:1: claim a redefined/);
  assert.match(errorOf('byte x;\nactive proctype P() { x++ }\nnever { skip }\nnever never_0 { skip }'), /^m\.pml:4:1: claim never_0 redefined/);
  const m = compileModel('m.pml', 'byte x;\nactive proctype P() { x++ }\nnever { skip }\nnever b { skip }\nnever { x == 1 }', { ltl: 'never_2' });
  assert.deepEqual(m.program.nevers!.map((n) => n.name), ['never_0', 'b', 'never_2']);
  assert.equal(m.program.claim, m.program.nevers![2]!.claim);
});
