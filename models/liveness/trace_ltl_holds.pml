// runs: s a
// A trace that every run follows, beside an ltl formula that holds: the trace's state
// is part of the state (pan's _event), so the counts are the system's with the trace.
mtype = { req, ack };
chan c = [1] of { mtype };
byte n;
active proctype Client() { do :: n < 3 -> c!req; n++ :: n == 3 -> break od; end: c?_ }
active proctype Server() { end: do :: c?req od }
trace { do :: c!req :: c?req od }
ltl done { <> (n == 3) }
