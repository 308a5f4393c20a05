// An end label on a goto in a trace: SPIN puts a skip before the goto and the label on it
// (flow.c's add_el), a move of the trace that matches any event. After c!1 the trace
// takes any send, then wants c!1 again.
chan c = [1] of { byte };
active proctype P() { end: do :: c!1; c?_ :: c!2; c?_ od }
trace { L: c!1; end: goto L }
