// The preprocessor: macros with and without parameters, conditionals, comments, and the
// errors a user can make with them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lex } from '../src/check/promela/lexer.js';
import { preprocess } from '../src/check/promela/preprocess.js';
import { ModelError } from '../src/check/errors.js';
import { includerFor } from '../src/check/model.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const pp = (src: string) => preprocess(lex(src)).filter((t) => t.kind !== 'eof').map((t) => t.text).join(' ');

test('object-like and function-like macros expand, arguments first', () => {
  assert.equal(pp('#define G 3\n#define add(a, b) (a + b)\nx = add(G, 1)'), 'x = ( 3 + 1 )');
  assert.equal(pp('#define f() (gwait>0)\ny = f()'), 'y = ( gwait > 0 )');
  assert.equal(pp('#define opt_atomic atomic\nopt_atomic { skip }'), 'atomic { skip }');
});

test('a macro does not expand inside its own expansion', () => {
  assert.equal(pp('#define x x + 1\ny = x'), 'y = x + 1');
});

test('#if, #else, #elif, #ifdef and #ifndef pick the live branch', () => {
  const src = '#define A 1\n#if A\none\n#else\ntwo\n#endif\n#if 0\nthree\n#elif A > 0 && defined(A)\nfour\n#endif\n#ifdef B\nfive\n#endif\n#ifndef B\nsix\n#endif';
  assert.equal(pp(src), 'one four six');
});

test('comments vanish, also on directive lines, and line numbers stay right', () => {
  const toks = preprocess(lex('/* a\n b */ x // c\n#define Y 2 /* two */\ny = Y'));
  assert.deepEqual(toks.filter((t) => t.kind !== 'eof').map((t) => [t.text, t.line]), [['x', 2], ['y', 4], ['=', 4], ['2', 4]]);
});

test('wrong macro arity is an error at the use', () => {
  assert.throws(() => pp('#define F(a,b) a\n\nF(1)'), (e: unknown) => e instanceof ModelError && /takes 2 argument/.test(e.message) && e.pos?.line === 3);
});

test('an unclosed #if and an unknown directive are errors', () => {
  assert.throws(() => pp('#if 1\nx'), /#if without #endif/);
  assert.throws(() => pp('#pragma x'), /unknown preprocessor directive/);
});

test('#include reads a file relative to the file that names it; its macros and positions carry on', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-include-'));
  try {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'a.h'), '#define K 7\n#include "b.h"\n');
    writeFileSync(join(dir, 'sub', 'b.h'), 'byte y = K');
    const main = join(dir, 'm.pml');
    const toks = preprocess(lex('#include "sub/a.h"\nx = K'), includerFor(main)).filter((t) => t.kind !== 'eof');
    assert.equal(toks.map((t) => t.text).join(' '), 'byte y = 7 x = 7');
    // b.h's tokens name b.h (relative to the model's directory) and its own line numbers.
    assert.deepEqual([toks[0]!.file, toks[0]!.line], [join('sub', 'b.h'), 1]);
    assert.equal(toks[toks.length - 1]!.file, undefined);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('#include errors name the file: missing, self-inclusion, an #if left open, no file to include from', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-include-'));
  try {
    const main = join(dir, 'm.pml');
    assert.throws(() => preprocess(lex('\n#include "nope.h"'), includerFor(main)),
      (e: unknown) => e instanceof ModelError && e.message.includes('#include "nope.h": no such file') && e.message.includes(join(dir, 'nope.h')) && e.pos?.line === 2);
    writeFileSync(join(dir, 'self.h'), '#include "self.h"\n');
    assert.throws(() => preprocess(lex('#include "self.h"'), includerFor(main)), /nested more than \d+ deep/);
    writeFileSync(join(dir, 'open.h'), '#if 1\nx\n');
    assert.throws(() => preprocess(lex('#include "open.h"\n#endif'), includerFor(main)),
      (e: unknown) => e instanceof ModelError && /#if without #endif/.test(e.message) && e.pos?.file === 'open.h');
    assert.throws(() => pp('#include "x.h"'), /not supported here/);
    assert.throws(() => preprocess(lex('#include x.h'), includerFor(main)), /file name in quotes/);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test("#p and a ## b in a #define body do what cpp does (SPIN runs cpp: Examples/LTL/ltl_gen.pml's printf(#s))", () => {
  const quoted = (src: string) => preprocess(lex(src)).filter((t) => t.kind !== 'eof').map((t) => (t.kind === 'str' ? `"${t.text}"` : t.text)).join(' ');
  const defs = '#define S(x) #x\n#define CAT(a, b) a ## b\n#define STR2(x) S(x)\n#define N 3\n#define OBJ v ## 2\n';
  // Each expected text is what `gcc -E -x c` (SPIN's preprocessor) prints for the same line.
  assert.equal(quoted(`${defs}S([]) S(<>  x) S( a  +   b ) S("q\\n") S('\\\\') S(N) STR2(N)`), String.raw`"[]" "<> x" "a + b" "\"q\\n\"" "'\\\\'" "N" "3"`);
  assert.equal(quoted(`${defs}CAT(v, 1) CAT(N, 4) CAT(x, N) OBJ CAT(,y) CAT(z,) CAT(-, >) CAT(<, =)`), 'v1 N4 xN v2 y z -> <=');
  // A macro body may start with `#`: it is the operator there, not a directive.
  assert.equal(quoted('#define Q(x) #x\nprintf(Q(a b))'), 'printf ( "a b" )');
  const err = (src: string) => assert.throws(() => preprocess(lex(src)), ModelError, src);
  // cpp refuses these at the #define, whether or not the macro is used.
  err('#define S(x) #y\n');
  err('#define P(x) ## x\n');
  err('#define P(x) x ##\n');
  assert.equal(quoted('#define H # x\nH'), '# x', 'in an object-like macro # is no operator');
  err('#define P(a, b) a ## b\nP(+, /)');
});
