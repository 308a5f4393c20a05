// Channels carrying typedefs (nested, with an array field) beside basic fields, buffered and
// rendezvous; structures sent and received whole.
typedef Pt { byte x; short y[2] };
typedef Msg { Pt p; bool ok };
chan c = [2] of { Msg, byte };
chan r = [0] of { Pt };
Msg g;
active proctype S() { Msg m; Pt q; byte k;
  do :: m.p.x < 2 -> m.p.x++; m.p.y[1] = 300 + m.p.x; m.ok = !m.ok; c!m, m.p.x
     :: c?g, k -> q.x = k; r!q
     :: m.p.x == 2 -> break od }
active proctype R() { Pt t; end: do :: r?t -> assert(t.x <= 2) od }
