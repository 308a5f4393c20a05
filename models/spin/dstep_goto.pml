// A goto inside a d_step (Akirathan mesi.pml: an inline whose `goto change_state_end`
// jumps to its own last label, called inside a d_step): pan runs the d_step as one piece
// of C, so a goto may go anywhere inside the same d_step, forward or back, and out of a
// loop there; one that leaves the d_step is SPIN's "non_local jump in d_step sequence"
// (test/check-malformed.test.ts).
byte x, y, z;

inline settle(v, target) {
  if
  :: v == target -> goto settle_end
  :: else -> skip
  fi;
  v = target;
settle_end:
  skip
}

active proctype P() {
  do
  :: x < 3 ->
     d_step {
       y = 0;
     again:
       y++;
       if
       :: y < x -> goto again
       :: y >= 4 -> goto out
       :: else
       fi;
       do
       :: y > 2 -> break
       :: y <= 2 -> y = y + 2; goto bump
       od;
     bump:
       x++;
     out:
       settle(z, x)
     }
  :: x > 0 -> d_step { settle(z, 0); x-- }
  :: x == 3 -> break
  od;
  assert(x == 3 && z == 3)
}
