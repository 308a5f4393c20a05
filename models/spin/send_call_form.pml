// spin.y's margs and rargs: a send or receive whose first argument is followed by the
// others in parentheses, `c!m(a, b)` for `c!m, a, b` and `c?m(a, b)` for `c?m, a, b`,
// with m an mtype constant or a variable (glycerine deadlock.giop.prm's
// `toTransportL[dstport]!msgType(connId[dstport], port, msg)` with `mtype msgType`).
mtype = { Req, Ack };
chan c = [2] of { mtype, byte, byte };
chan d = [2] of { mtype, byte, byte };

active proctype Client() {
  mtype kind = Req;
  byte a = 1, b, got;
  do
  :: a < 3 -> c!kind(a, a + 1); a++
  :: d?Ack(got, b) -> assert(got + 1 == b)
  :: a == 3 && empty(d) -> break
  od
}

active proctype Server() {
  mtype m;
  byte x, y;
end:
  do
  :: c?m(x, y) -> assert(m == Req); d!Ack(x, y)
  od
}
