// Small models whose figures (stored, matched, atomic steps, errors, depth reached) were
// produced by SPIN 6.5.2: spin -o1 -o2 -o3 -a; gcc -DSAFETY -DNOREDUCE; ./pan -m<depth>.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSource, figures } from './support/check-source.js';

const check = (source: string, maxDepth = 10000) => checkSource(source, maxDepth, 'test.pml');

test('else runs only when no other option can; assertion found at pan\'s depth', () => {
  const r = check(`byte x;
active proctype A() { do :: x < 5 -> x++ :: else -> break od; assert(x == 5) }
active proctype B() { x = 3 }`);
  assert.deepEqual(figures(r), [29, 16, 0, 1, 13]);
  assert.equal(r.error?.kind, 'assertion');
  assert.equal(r.error?.message, 'assertion violated (x==5)');
  assert.equal(r.error?.line, 2);
  // The trail: 13 moves to the state, then the failing assertion itself.
  assert.equal(r.error?.steps.length, 14);
});

test('active [N] copies; the first error stops the search', () => {
  const r = check('byte x;\nactive proctype A() { x++; assert(x < 2) }\nactive [2] proctype B() { x++ }');
  assert.deepEqual(figures(r), [6, 0, 0, 1, 5]);
});

test('atomic loses control when it blocks, and its states are not stored meanwhile', () => {
  const r = check(`byte x;
active proctype A() { if :: atomic { x == 0 -> x = 1; x == 5; x = 2 } :: x == 7 fi }
active proctype B() { x == 1; x = 5 }`);
  assert.deepEqual(figures(r), [8, 1, 4, 0, 8]);
});

test('a blocked atomic sequence with nobody else to move is an invalid end state', () => {
  const r = check('byte x, y;\nactive proctype A() { atomic { x == 1; y = 1; x == 2; y = 2 } }\nactive proctype B() { x = 1; x = 2; y == 2 }');
  assert.deepEqual(figures(r), [3, 0, 0, 1, 2]);
  assert.equal(r.error?.kind, 'invalid-end-state');
});

test('d_step is one step; blocking after its first statement is an error', () => {
  const r = check('byte x;\nactive proctype A() { d_step { x == 0; x = 1; x == 2 } }');
  assert.deepEqual(figures(r), [1, 0, 0, 1, 0]);
  assert.equal(r.error?.kind, 'block-in-d_step');
  assert.equal(r.error?.message, 'block in d_step seq');
});

test('run returns pids in creation order, processes end in reverse order, timeout', () => {
  const r = check(`byte n;
proctype W(byte k) { n = n + k }
init { byte i; do :: i < 3 -> run W(i); i++ :: else -> break od; timeout -> assert(n == 3) }`);
  assert.deepEqual(figures(r), [122, 130, 0, 0, 19]);
  const r2 = check('byte a;\nproctype Q() { a++ }\ninit { run Q(); run Q(); (_nr_pr == 1); assert(a == 2) }');
  assert.deepEqual(figures(r2), [14, 4, 0, 0, 9]);
});

test('_pid follows declaration order, init included', () => {
  const r = check('byte seen;\ninit { assert(_pid == 0) }\nactive proctype A() { assert(_pid == 1) }\nactive [2] proctype B() { assert(_pid >= 2) }');
  assert.equal(r.error, null);
});

test('end labels make a stuck process a valid end state; buffered channels', () => {
  const r = check(`chan c = [2] of { byte, byte };
active proctype P() { byte i; do :: i < 4 -> c!i,i+1; i++ :: else -> break od }
active proctype Q() { byte a, b; end: do :: c?a,b -> assert(b == a+1) od }`);
  assert.deepEqual(figures(r), [62, 40, 0, 0, 21]);
  const bad = check('chan c = [2] of { byte };\nactive proctype Q() { byte a; do :: c?a od }');
  assert.equal(bad.error?.kind, 'invalid-end-state');
});

test('rendezvous channels and mtype messages', () => {
  const r = check(`chan c = [0] of { byte };
byte got;
active proctype P() { c!1; c!2 }
active proctype Q() { byte v; c?v; got = v; c?v; got = got + v }
active proctype R() { c?got }`);
  assert.deepEqual(figures(r), [5, 0, 0, 1, 6]);
  const m = check('mtype = { req, ack };\nchan c = [1] of { mtype };\nactive proctype A() { c!req; c?ack }\nactive proctype B() { c?req; c!ack }');
  assert.deepEqual(figures(m), [8, 1, 0, 0, 6]);
});

test('goto and labels', () => {
  const r = check('byte x;\nactive proctype A() { L: x++; if :: x < 3 -> goto L :: else fi; x == 10 }');
  assert.deepEqual(figures(r), [7, 0, 0, 1, 6]);
});

test('short and int wrap like C; atomic steps are counted', () => {
  const r = check('int s; short t;\nactive proctype A() { s = 70000; t = 40000; s = s * 3; t = -t; assert(s > 0) }\nactive proctype B() { atomic { s > 100; t++ ; s-- } }');
  assert.deepEqual(figures(r), [38, 11, 10, 0, 10]);
});

test('the depth bound cuts moves and counts them as matched, as pan does', () => {
  const src = 'byte x;\nactive proctype A() { do :: x < 200 -> x++ :: x > 0 -> x-- od }';
  const r = check(src, 50);
  assert.deepEqual(figures(r), [74, 25, 0, 0, 49]);
  assert.equal(r.depthLimitHit, true);
  const full = check(src, 300);
  assert.deepEqual(figures(full), [449, 150, 0, 0, 299]);
});

test('Peterson\'s mutual exclusion holds; dining philosophers with timeout', () => {
  const p = check(`bool flag[2]; byte turn; byte cnt;
active [2] proctype P() {
again:
  flag[_pid] = 1; turn = 1 - _pid;
  (flag[1 - _pid] == 0 || turn == _pid);
  cnt++; assert(cnt == 1); cnt--;
  flag[_pid] = 0;
  goto again
}`);
  assert.deepEqual(figures(p), [38, 27, 0, 0, 23]);
  const d = check(`#define N 3
chan fork[N] = [1] of { bit };
proctype phil(byte i) {
  do
  :: fork[i]?1 -> if :: fork[(i+1)%N]?1 -> fork[i]!1; fork[(i+1)%N]!1 :: timeout -> fork[i]!1 fi
  od
}
init { byte k; atomic { do :: k < N -> fork[k]!1; run phil(k); k++ :: else -> break od } }`);
  assert.deepEqual(figures(d), [30, 29, 14, 0, 33]);
});

test('an array index out of bounds is an error', () => {
  const r = check('byte a[2];\nactive proctype A() { byte i; do :: i < 3 -> a[i] = 1; i++ :: else -> break od }');
  assert.equal(r.error?.kind, 'index');
});

test('an index checked in line (_pid, a byte read from the vector) stops at the bound, as ix does', () => {
  // Three processes index a[_pid] of two elements: the third is out of bounds.
  const p = check('byte a[2];\nactive [3] proctype A() { a[_pid] = _pid + 1 }');
  assert.equal(p.error?.kind, 'index');
  // Two fit: each writes its own element, and a global byte index reads the value back.
  const ok = check('byte a[2]; byte j = 1;\nactive [2] proctype A() { a[_pid] = _pid + 1; a[j] == 2 -> assert(a[a[j] - 1] == 2) }');
  assert.equal(ok.error, null);
  const g = check('byte a[2]; byte j = 2;\nactive proctype A() { a[j] = 1 }');
  assert.equal(g.error?.kind, 'index');
});

test('a constant index is checked too: in bounds it is used as is, past the end it is an error', () => {
  const ok = check('byte a[2];\nactive proctype A() { a[1] = 5; a[0] = a[1] + 1; assert(a[0] == 6 && a[1] == 5) }');
  assert.equal(ok.error, null);
  assert.equal(ok.statesStored, 5);
  const r = check('byte a[2]; byte b;\nactive proctype A() { a[2] = 1 }');
  assert.equal(r.error?.kind, 'index');
});

test('typedef structures with nested arrays, mtype fields and channels', () => {
  const r = check(`mtype = { red, green, blue };
typedef Pair { byte a; mtype col };
typedef Box { Pair p[2]; bool filled };
Box box;
chan c = [2] of { mtype, byte };
active proctype P() {
  Pair loc;
  loc.a = 3; loc.col = green;
  box.p[1].a = loc.a; box.p[1].col = loc.col; box.filled = 1;
  c!loc.col,loc.a;
  c!blue,box.p[1].a + 1
}
active proctype Q() {
  mtype m; byte v;
  box.filled;
  c?m,v; assert(m == green && v == 3);
  c?m,v; assert(m == blue && v == 4);
  assert(m != red && box.p[0].col == 0 && box.p[1].col == green)
}`);
  assert.deepEqual(figures(r), [20, 4, 0, 0, 15]);
});

test('receives match constants and eval() values', () => {
  const r = check(`chan c = [2] of { byte, byte };
byte key = 7;
active proctype P() { c!1,7; c!2,8 }
active proctype Q() { byte d; c?d,eval(key); assert(d == 1); c?d,8; assert(d == 2) }`);
  assert.equal(r.error, null);
  assert.ok(r.statesStored > 3);
});

test('locals declared before the first statement start initialised; later ones are steps', () => {
  assert.deepEqual(figures(check('byte g = 5;\nactive proctype P() { byte y = g; g = 9; byte z = 3; assert(y == 5) }')), [5, 0, 0, 0, 4]);
  assert.deepEqual(figures(check('byte g = 5;\nactive proctype P() { g = 9; byte z; z = 1 }')), [5, 0, 0, 0, 4]);
  assert.deepEqual(figures(check('active proctype P() { byte a = 1; byte b = 2; skip }')), [3, 0, 0, 0, 2]);
});

test('xr/xs declarations are accepted and change nothing', () => {
  const r = check('chan c = [1] of { byte };\nactive proctype P() { xr c; c!1 }\nactive proctype Q() { xs c; byte v; c?v }');
  assert.equal(r.error, null);
});

test('an else heading an inner if belongs to that if, not to the enclosing do', () => {
  const r = check(`bit w;
byte n;
active [2] proctype p() {
  do
  :: atomic { if :: w -> n = n + 1 :: else -> n = n + 2 fi }; n = n % 5
  :: w = 1 - w
  od
}`);
  assert.deepEqual(figures(r), [52, 101, 96, 0, 83]);
});

test('a break or goto leaving an atomic sequence is not atomic itself', () => {
  const r = check('byte a, b, c;\nactive proctype P() {\n  do :: b == 2 -> atomic { a == 0 -> break; c < 1 } od\n}\nactive proctype Q() { b = 2 }');
  assert.deepEqual(figures(r), [8, 2, 2, 0, 6]);
});

test('a rendezvous offer nobody takes is no move: invalid end state', () => {
  const r = check('chan req = [0] of { byte };\nactive proctype server() { byte v; req?v }\nactive proctype client() { req!1; req!2 }');
  assert.deepEqual(figures(r), [2, 0, 0, 1, 3]);
  assert.equal(r.error?.kind, 'invalid-end-state');
  const a = check('chan ch = [0] of { byte };\nbyte a, c;\nactive proctype R() { c == 0 -> ch?c }\nactive proctype S() { atomic { a = 1; ch!1 } }');
  assert.deepEqual(figures(a), [7, 1, 2, 0, 6]);
});
