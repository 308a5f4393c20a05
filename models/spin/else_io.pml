// An else beside an option that starts with a send or a receive: SPIN 6.5.2 prints
// "Error: dubious use of 'else' combined with i/o" but exits 0 and builds pan (flow.c
// takes the error back, nr_errs--; pan then needs -DNOREDUCE), and the else is the plain
// else: taken when no other option of the process can move. Here with a buffered
// channel (receive, send on a full channel) and a rendezvous (whose send can move only
// with a receiver ready).
chan c = [1] of { byte };
chan r = [0] of { byte };
byte x, got;

active proctype P() {
  do
  :: c?x -> x++
  :: else -> break
  od;
  c!1;
  if
  :: c!2 -> x = 7
  :: c?x -> x = x + 2
  :: else -> x = 9
  fi;
  do
  :: r!x -> x++
  :: x > 5 -> break
  :: else -> x = x + 3
  od;
  assert(x < 9 || got > 0)
}

active proctype Q() {
  do
  :: r?got
  :: else -> skip
  :: got > 4 -> break
  od
}
