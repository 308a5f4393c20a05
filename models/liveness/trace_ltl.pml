// runs: s a
// A trace beside an ltl formula: the claim moves in lockstep as usual, and the trace's
// error (the send c!ack, which it does not expect) stops both searches, with the claim
// (s: safety with the claim, a: pan -a). With -a pan does not require the trace to be
// at its end when the system stops.
mtype = { req, ack };
chan c = [1] of { mtype };
byte n;
active proctype Client() { do :: n < 3 -> c!req; n++ :: n == 3 -> c!ack; break od; end: c?_ }
active proctype Server() { end: do :: c?req :: c?ack od }
trace { do :: c!req :: c?req od }
ltl bounded { [] (n <= 3) }
