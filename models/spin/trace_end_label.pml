// trace_incomplete with an end label on the trace's loop: the trace may rest there, so
// the system's end state is valid. No error.
chan c = [2] of { byte };
active proctype P() { c!1; c?_; c!1; c?_; end: c?_ }
trace { end: do :: c!1 od }
