// eval(e) in a trace's receive is compared with e's value when the receive happens; an
// mtype name as a constant. R keeps `want` one past the value it took. No error.
mtype = { m1, m2 };
chan r = [0] of { mtype, byte };
byte want = 1;
active proctype S() { byte k = 1; do :: k < 4 -> r!m1,k; k++ :: k == 4 -> r!m2,0; break od }
active proctype R() { byte v; end: do :: r?m1,v -> want = v + 1 :: r?m2,v od }
trace { do :: r?m1,eval(want) :: r?m2,0 -> break od }
