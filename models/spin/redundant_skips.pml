// SPIN drops redundant skips from the options of an if or do (flow.c's check_sequence):
// in a run of unlabelled statements that do nothing (skip, true, 1, printf), each skip
// after the first goes, unless it is the option's first or last statement; printf
// counts in the run but stays, a label ends the run. Each removed skip is a state fewer.
byte x;

active proctype P() {
  do
  :: true -> skip; x++
  :: x < 4 -> skip; skip; printf("x %d\n", x); skip; x = x + 2
  :: x == 3 -> skip; here: skip; skip; x = 9
  :: x > 9 -> x = 0; skip; skip
  :: x == 9 -> break
  od;
  if
  :: skip; true; 1; x++
  fi
}
