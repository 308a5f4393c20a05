// SPIN 6's block scopes: the same local name declared in two blocks neither of which holds
// the other is two variables, each with its own place in the state vector; an inline that
// declares a local is called twice. A declaration inside a block, an option or an inline
// is a step of its own (assigning its initial value), even before the proctype's first
// statement.
byte total;

inline bump(v) {
  byte t = v;
  t = t + 1;
  v = t
}

active [2] proctype P() {
  if
  :: byte first = 2; total = total + first   // in the body's scope: no `first` after it
  :: { byte other[2]; other[1] = 3; total = total + other[1] }
  fi;
  do
  :: total < 6 -> { byte step = _pid + 1; total = total + step }
  :: total < 4 -> { byte other = 1; total = total + other }
  :: total < 6 -> atomic { byte step; step = 2; total = total + step }
  :: total >= 6 -> break
  od;
  bump(total);
  bump(total);
  assert(total >= 7)   // the bumps of the two processes may overlap
}
