// An end label on an option's first statement, which is no state of its own: pan passes
// it on to the state after that statement (pangen's imed), so P may stop at `a == 5`.
byte a;
active proctype P() { do :: end: a == 0 -> a == 5 od }
