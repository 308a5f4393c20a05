// A label with no statement after it labels a skip of its own (spin.y's `NAME ':'` rule):
// `again: ;` is a state before `x++`, `next: od` ends an option with a skip and `done: }`
// ends the process body with one. Written as `again: x++` the model has fewer states.
byte x, y;

active proctype P() {
  if
  :: y == 0 -> goto done
  :: y = 1
  fi;
again: ;
  x++;
  do
  :: x < 3 -> x++; goto again
  :: x >= 3 -> y++; next:
  :: y > 2 -> break
  od;
done:
}
