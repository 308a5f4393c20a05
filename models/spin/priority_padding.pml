// pan leaves a process's priority out of the state it stores where the process has no
// variables: pan.h's Air for such a record masks the bytes past its _pid, _t and _p bit-
// fields, and _priority lies there (here wholly: 8 + 3 + 5 bits end on a byte). So the
// states that differ only in A's priority are one state to pan: 17 stored, where the
// priority counted in full gives 26. The checker blanks the same bits (pan-padding.ts).
byte x;

active proctype A() priority 2 {
  do
  :: x < 2 -> x++
  :: x == 2 -> set_priority(_pid, 1); x = 0
  od
}

active proctype B() {
  do
  :: atomic { x > 0 -> x-- }
  :: x == 0 -> skip
  od
}
