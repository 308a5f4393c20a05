// runs: l lf
// A progress label on an option's first statement, which is no state of its own: pan
// passes it on to the state after that statement (pangen's imed), here the do itself,
// so P passes a progress state at every turn of the loop, whichever option it takes.
byte a;
active proctype P() { do :: a = (a + 1) % 2 :: progress: a == 5 od }
