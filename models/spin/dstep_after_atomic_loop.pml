// A loop that ends an atomic sequence, followed by a d_step: its break lands on the loop's
// exit, the atomic's last element, not on the d_step (pan's huntele stops where the
// atomic sequence ends), so SPIN accepts it. The same break outside an atomic lands on the
// d_step and is refused ("jump into d_step sequence"; test/check-spin-rejects).
byte c, i;

active proctype P() {
  atomic { for (i : 0 .. 2) { c++ } };
  d_step { c++ };
  atomic { c > 3; do :: c < 6 -> c++ :: else -> break od };
  d_step { c = 0 }
}

active proctype Q() {
  c < 2 -> c = 5
}
