// An option that is a d_step starting with else: pan runs that else as any else, only
// while no move before it in the state's list has been made (pangen2.c's ELSE code, `if
// (trpt->o_pm&1)` bails out), but the option keeps its written place (flow.c moves an
// option last only when its first element is the else itself), so a move after it is
// still tried. afd/modelcheckingfutexes' futex_wait has `:: d_step { else -> ... }`; the
// checker took such a d_step as always executable.
byte x, y;
active [2] proctype P() {
  do
  :: x < 2 -> x++
  :: d_step { else -> y = (y + 1) % 3 }
  :: x == 2 -> break
  od;
  if
  :: y == 1 -> y = 2
  :: d_step { else -> x = 0 }
  fi;
  assert(x > 0 || y != 1)
}
