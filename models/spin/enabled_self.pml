// enabled() asked by a process about itself: pan stops with its run-time error "used:
// enabled(pid=thisproc)" (the checker used to recurse without end). pan tries B, the
// higher pid, first; B then waits for A, so the search cannot end before the error.
byte x;
active proctype A() { x == 1; enabled(0) -> x = 2 }
active proctype B() { x = 1; x == 2 }
