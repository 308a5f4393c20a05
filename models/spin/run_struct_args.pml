// A structure passed to a proctype's structure parameter: pan's addproc takes it field
// by field (one argument per basic-typed leaf, nested structures flattened in typedef
// order), and the parameter's chan field with a channel type makes no channel (a
// parameter is not initialised; it gets the caller's channel number).
typedef Pair { byte a; short b; chan c };
typedef Box { Pair p; bit f = 1; chan own = [1] of { byte } };
chan q = [2] of { byte };
Box g;
byte seen;
chan l_own;

proctype Use(byte k; Box bx; byte m) {
  bx.p.c!k + m;
  seen = bx.p.a + bx.p.b + bx.f + k + m;
  assert(bx.own == g.own || k == 2 && bx.own == l_own)
}

init {
  Box l;
  g.p.a = 3; g.p.b = 4; g.p.c = q; g.f = 0;
  l.p.a = 1; l.p.c = q; l_own = l.own;
  run Use(7, g, 1);
  (seen > 0);
  q?_;
  run Use(2, l, 5);
  (_nr_pr == 1);
  assert(seen == 1 + 0 + 1 + 2 + 5)
}
