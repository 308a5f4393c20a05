// Two init blocks (byhoson/promela-semantics' tests/guard.pml): SPIN makes each an
// :init: process of its own, started in the order written with the active proctypes,
// and pan runs both. Refused before ("proctype ':init:' is declared twice").
byte x, n, first;
init {
  byte i = 1;
  first = _pid;
  x = x + i;
  n++
}
active proctype P() {
  x >= 2 -> n++;
  assert(_pid == 1 && first == 0)
}
init {
  atomic { x == 1 -> x = 2 };
  n++;
  assert(_pid == 2)
}
