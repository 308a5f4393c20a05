// The preprocessor: macros with and without parameters, conditionals, comments, and the
// errors a user can make with them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lex } from '../src/check/promela/lexer.js';
import { preprocess } from '../src/check/promela/preprocess.js';
import { ModelError } from '../src/check/errors.js';

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
