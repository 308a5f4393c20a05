// Labels in an inline belong to each expansion (SPIN 6 gives an expansion a block scope
// of its own; flow.c's get_labspec resolves a goto to the label of its own scope first):
// `f` is called twice and `g` uses the same label name, each `goto out` stays in its own
// expansion, and the end label of each call of `wait` marks its own state.
byte x, y;
chan c = [1] of { byte };

inline f(v) {
  if
  :: x > v -> goto out
  :: else -> x++
  fi;
  x = x + 2;
out:
  x = x + 1
}

inline g() {
  if
  :: x > 5 -> goto out
  :: else -> x = x * 2
  fi;
out:
  y = x
}

inline wait() {
  y++;
end:
  c?_
}

active proctype P() {
  f(1);
  f(x);
  g();
  c!y;
  wait();
  wait()
}

active proctype Q() {
  do
  :: x < 3 -> x++
  :: x >= 3 -> break
  od
}
