// runs: s a
// SPIN's prefix operators bind tightest (%prec NEG in spin.y): `[] x < 4` is
// `([] x) < 4`, a comparison whose left side is a formula, which SPIN prints as its
// token's number: the formula checked is `(333<4)`, false, so the claim of its negation
// accepts at once (what a reader meant, [] (x < 4), holds here). A parenthesised part
// before an operator of Promela is that expression: `((x) + 1 < 5)` is `((x+1)<5)`.
byte x;

active proctype P() {
  do
  :: x < 3 -> x++
  :: x == 3 -> x = 0
  od
}

ltl tight { [] x < 4 && [] ((x) + 1 < 5) }
