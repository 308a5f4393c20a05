// A label with no statement in a trace: SPIN makes a skip of its own there (spin.y's
// `NAME ':'`), which pan's trace code runs as its generic move, matching any event. Here
// it takes the send after each c!1, so a c!2 right after a c!1 passes and one after that
// skip is the trace's error.
chan c = [1] of { byte };
active proctype P() { end: do :: c!1; c?_ :: c!2; c?_ od }
trace { do :: c!1; L: ; c!1 od }
