// runs: l a
// A trace under pan -l and -a: the trace's state is part of the states the nested search
// stores and revisits (no end-state rule there), and no event breaks it.
mtype = { req, ack };
chan c = [1] of { mtype };
byte n;
active proctype Client() { do :: n < 3 -> c!req; n++ :: n == 3 -> n = 0; progress: skip od }
active proctype Server() { end: do :: c?req od }
trace { do :: c!req :: c?req od }
