// runs: a af
// An accept label on an option's first statement, an atomic sequence: pan passes it on
// to the state after the sequence's first move (pangen's imed), so a run that takes
// that option again and again is an acceptance cycle.
byte a, b;
active proctype P() { do :: accept_0: atomic { a = 1; b = 2 } :: a == 5 od }
