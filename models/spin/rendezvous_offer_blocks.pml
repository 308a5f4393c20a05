// A pending rendezvous offer on r blocks every other move, a receive on the buffered
// channel b included: only a receive on r may answer it (pan's boq rule).
chan r = [0] of { byte };
chan b = [1] of { byte };
active proctype B() { byte x; b!1; b?x }
active proctype R() { byte v; r?v }
active proctype S() { r!1 }
