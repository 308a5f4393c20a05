// B asks whether A is enabled while A's own guard asks about A itself: pan evaluates A's
// guard for B's enabled() and stops there with "used: enabled(pid=thisproc)" (the
// checker used to drop that error with the rest of the trial run and search on).
byte x;
active proctype A() { enabled(0) -> x = 1 }
active proctype B() { x = 2; enabled(0) -> x = 3; x = 4 }
