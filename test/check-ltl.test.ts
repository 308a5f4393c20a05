// The LTL to Büchi translation (src/check/ltl) against the semantics of LTL: for random
// formulas over two atoms and random ultimately periodic words (a prefix, then a loop),
// the automaton accepts the word exactly when the formula holds on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buchi, type Buchi } from '../src/check/ltl/buchi.js';
import { toNnf, type Ltl } from '../src/check/ltl/formula.js';
import { neverClaimFor } from '../src/check/ltl/claim.js';
import { parseLtlFormula } from '../src/check/promela/parser.js';
import { lex } from '../src/check/promela/lexer.js';
import { exprText } from '../src/check/promela/text.js';
import { compileModel } from '../src/check/model.js';
import { refusal } from './support/check-source.js';

type F = Ltl<number>;

/** A small seeded generator, so a failure names a formula that can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s % n; };
}

function randomFormula(r: (n: number) => number, depth: number): F {
  if (depth === 0 || r(4) === 0) return r(8) === 0 ? { k: r(2) ? 'true' : 'false' } : { k: 'atom', a: r(2) };
  const ops = ['not', 'X', 'G', 'F', 'and', 'or', 'U', 'V', 'W', 'imp', 'iff'] as const;
  const k = ops[r(ops.length)]!;
  if (k === 'not' || k === 'X' || k === 'G' || k === 'F') return { k, a: randomFormula(r, depth - 1) };
  return { k, a: randomFormula(r, depth - 1), b: randomFormula(r, depth - 1) };
}

/** Truth of f at each position of the lasso word (letters: bit 0 = atom 0, bit 1 = atom 1). */
function holds(f: F, word: number[], loop: number): boolean[] {
  const n = word.length;
  const next = (i: number) => (i + 1 < n ? i + 1 : loop);
  const ev = (g: F): boolean[] => {
    switch (g.k) {
      case 'true': return word.map(() => true);
      case 'false': return word.map(() => false);
      case 'atom': return word.map((w) => ((w >> g.a) & 1) === 1);
      case 'not': return ev(g.a).map((x) => !x);
      case 'X': { const a = ev(g.a); return word.map((_, i) => a[next(i)]!); }
      case 'and': { const a = ev(g.a), b = ev(g.b); return a.map((x, i) => x && b[i]!); }
      case 'or': { const a = ev(g.a), b = ev(g.b); return a.map((x, i) => x || b[i]!); }
      case 'imp': { const a = ev(g.a), b = ev(g.b); return a.map((x, i) => !x || b[i]!); }
      case 'iff': { const a = ev(g.a), b = ev(g.b); return a.map((x, i) => x === b[i]); }
      case 'F': return ev({ k: 'U', a: { k: 'true' }, b: g.a });
      case 'G': return ev({ k: 'not', a: { k: 'F', a: { k: 'not', a: g.a } } });
      case 'V': return ev({ k: 'not', a: { k: 'U', a: { k: 'not', a: g.a }, b: { k: 'not', a: g.b } } });
      case 'W': { const u = ev({ k: 'U', a: g.a, b: g.b }), gg = ev({ k: 'G', a: g.a }); return u.map((x, i) => x || gg[i]!); }
      case 'U': {
        const a = ev(g.a), b = ev(g.b);
        // Walk at most n + 1 positions: after that the walk repeats.
        return word.map((_, i) => {
          for (let j = i, steps = 0; steps <= n; j = next(j), steps++) { if (b[j]) return true; if (!a[j]) return false; }
          return false;
        });
      }
    }
  };
  return ev(f);
}

/** Whether the automaton has an accepting run on the lasso word. */
function accepts(b: Buchi, word: number[], loop: number): boolean {
  const n = word.length;
  const next = (i: number) => (i + 1 < n ? i + 1 : loop);
  const ok = (g: { atom: number; neg: boolean }[], w: number) => g.every((l) => (((w >> l.atom) & 1) === 1) !== l.neg);
  const id = (s: number, i: number) => s * n + i;
  const succ = (v: number): number[] => {
    const s = Math.floor(v / n), i = v % n;
    return b.edges[s]!.filter((e) => ok(e.guard, word[i]!)).map((e) => id(e.to, next(i)));
  };
  const reach = (from: number[]): Set<number> => {
    const seen = new Set<number>(), st = [...from];
    while (st.length) { const v = st.pop()!; for (const w of succ(v)) if (!seen.has(w)) { seen.add(w); st.push(w); } }
    return seen;
  };
  const fromStart = reach([id(0, 0)]);
  for (const v of fromStart) if (b.accepting[Math.floor(v / n)] && reach([v]).has(v)) return true;
  return false;
}

test('the automaton accepts a lasso word exactly when the formula holds on it (2000 random cases)', () => {
  const r = rng(20261127);
  for (let c = 0; c < 400; c++) {
    const f = randomFormula(r, 3);
    const atoms = { keys: [] as string[], values: [] as number[] };
    const b = buchi(toNnf(f, String, atoms));
    for (let w = 0; w < 5; w++) {
      const n = 1 + r(5), loop = r(n);
      const word = Array.from({ length: n }, () => r(4));
      // The automaton's atoms are numbered in the order it met them.
      const renum = word.map((x) => atoms.values.reduce((acc, a, i) => acc | (((x >> a) & 1) << i), 0));
      assert.equal(accepts(b, renum, loop), holds(f, word, loop)[0], `formula ${JSON.stringify(f)} on ${word} (loop at ${loop})`);
    }
  }
});

test('claims print in spin -f layout and parse back as never claims', () => {
  const f = parseLtlFormula(lex('!([] (p -> <> (q && r)))'));
  const text = neverClaimFor(f, exprText);
  assert.match(text, /^never +\{/);
  assert.match(text, /accept_S\d+:/);
  const m = compileModel('m.pml', `bit p, q, r;\nactive proctype A() { do :: p = 1 - p :: q = 1 - q od }\n${text}`);
  assert.ok(m.machine.claimType >= 0);
});

test('precedence follows SPIN (spin.y): [] <> X ! bind tightest, then U W V, &&, ||, -> and <->', () => {
  // Compared as text with positions left out: the formulas differ in their spacing.
  const show = (s: string) => JSON.stringify(parseLtlFormula(lex(s)), (k, v) => (k === 'pos' ? undefined : v));
  // Each reading below is what `spin -a` prints for the ltl block ("ltl f: ...").
  assert.equal(show('[] p U q'), show('([] p) U q'));
  assert.equal(show('X p U q'), show('(X p) U q'));
  assert.equal(show('p && q -> r || s'), show('(p && q) -> (r || s)'));
  assert.equal(show('! p U q'), show('(!p) U q'));
  assert.equal(show('p U q || r'), show('(p U q) || r'));
  assert.equal(show('x == 1 U y > 2'), show('(x == 1) U (y > 2)'));
  // A prefix operator's operand followed by a Promela operator: SPIN compares the formula's
  // token number, `<> y < 2` is (334<2), `[] x+1 > 2` is ((333+1)>2); `! x == 1` is (!x) == 1.
  assert.equal(show('x == 1 <-> <> y < 2'), show('(x == 1) <-> (334 < 2)'));
  assert.equal(show('[] x+1 > 2'), show('333 + 1 > 2'));
  assert.equal(show('(p U q) == 1 && (a <-> b) != 0'), show('335 == 1 && 330 != 0'));
  assert.equal(show('! x == 1'), show('(!x) == 1'));
  // A parenthesised expression followed by an operator is that expression: ((x + 1) > 2).
  assert.equal(show('[] ((x) + 1 > 2)'), show('[] (x + 1 > 2)'));
});

test("SPIN's operator words are its operators: always, eventually, until, stronguntil, weakuntil, release, next, implies, equivalent", () => {
  const show = (s: string) => JSON.stringify(parseLtlFormula(lex(s)), (k, v) => (k === 'pos' ? undefined : v));
  assert.equal(show('always eventually (p > 5)'), show('[] <> (p > 5)'));
  assert.equal(show('p until q'), show('p U q'));
  assert.equal(show('p stronguntil q'), show('p U q'));
  assert.equal(show('p weakuntil q'), show('p W q'));
  assert.equal(show('p release q'), show('p V q'));
  assert.equal(show('next p implies q'), show('X p -> q'));
  assert.equal(show('p equivalent always q'), show('p <-> [] q'));
});

test("an ltl block's propositional parts are single guards, as SPIN's predicates: `p -> q` is `!p || q`, <-> and temporal operators split", () => {
  const claimOf = (formula: string) => compileModel('m.pml', `byte x, y;\nactive proctype A() { do :: x++ :: y++ od }\nltl f { ${formula} }`).claim.claimText!;
  // The claim of !(P U e) is P U e: P stays one guard, evaluated whole (models/liveness/ltl_predicate_parts).
  assert.match(claimOf('!((x < 3 -> y == 0) U (x == 9))'), /:: \(\(!\(\(x<3\)\)\|\|\(y==0\)\)\) -> goto T0_init\n/);
  // The whole formula is one predicate when it has no temporal operator.
  assert.match(claimOf('x == 1 && (y > 2 || x < 5)'), /:: \(!\(\(x==1\)&&\(\(y>2\)\|\|\(x<5\)\)\)\) -> goto accept_all\n/);
  // <-> is no predicate for SPIN's lexer: its operands are separate guards.
  assert.match(claimOf('[] ((x == 1) <-> (y == 2))'), /:: \(\(x==1\) && !\(y==2\)\) -> goto accept_all\n/);
});

test('accept_all is written last, so that its skip ends the claim instead of falling into another state', () => {
  // The automaton of p || <> !q has an accept-all state before the one waiting for !q.
  const text = neverClaimFor(parseLtlFormula(lex('!(p && [] q)')), exprText);
  assert.match(text, /T0_S\d+:/);
  assert.match(text, /\naccept_all:\n\tskip\n\}\n$/);
});

test("an ltl block may end its formula with one ';' (spin.y's ltl_body: '{' full_expr OS '}'), not two", () => {
  const claimOf = (block: string) => compileModel('m.pml', `bool b;\nactive proctype A() { do :: b = !b od }\n${block}`).claim.claimText!;
  assert.equal(claimOf('ltl p1 {\n  [] b;\n}'), claimOf('ltl p1 { [] b }'));
  assert.match(refusal('bool b;\nactive proctype A() { b = true }\nltl p1 { [] b;; }'), /expected '}' after the LTL formula but found ';'/);
});
