// trace_no_match with the trace declared before the proctype: pan numbers the trace's
// transitions among the proctypes' in declaration order, so P's come after its seven
// (pan-trail.ts; pan's trail of it is in pan-trails/).
chan c = [2] of { byte };
trace { do :: c?0 ; c?1; c?2 od }
chan d = [1] of { byte };
active proctype P() { byte x; do :: c!x; x = (x + 1) % 3 :: d!7 :: d?_ :: c?x od }
