// A receive with more fields than its channel has: pan finds that only when the receive
// takes a message (qrecv's "missing pars in receive"); on an empty channel the receive
// is just not executable, so this model has no error.
chan q = [1] of { byte };
byte n;

active proctype P() {
  do
  :: q?_, _
  :: empty(q) && n < 2 -> n++
  :: n == 2 -> break
  od
}
