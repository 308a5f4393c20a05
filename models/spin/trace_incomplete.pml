// The system stops at a valid end state (P at its end label) while the trace is in its
// loop, which is no end state of the trace: pan prints "event_trace not completed" and
// reports an invalid end state. (trace_end_label: the same with an end label there.)
chan c = [2] of { byte };
active proctype P() { c!1; c?_; c!1; c?_; end: c?_ }
trace { do :: c!1 od }
