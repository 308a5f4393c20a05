// pan compiles a trace as a proctype of its own: with priorities, it counts among the
// proctypes and its states among theirs when pan sizes a process record's bit-fields
// (pan-padding.ts). This notrace has more states (42) than any process, so _p needs one
// bit more and A's record stores one byte more than in priority_padding: part of A's
// priority is kept. pan: 106 states; with the notrace left out of that count, 97.
// The notrace itself is abandoned on the first send that does not match c!3.
byte x;
chan c = [1] of { byte };
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
  :: c!x
  :: c?_
  od
}
notrace { c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3; c!3 }
