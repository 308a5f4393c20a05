// `_` in a trace's send matches any value, as does a variable: two of the trace's moves
// match the first send, pan's "non-determinism in event-trace".
chan c = [2] of { byte };
active proctype P() { c!1; c?_; c!2; c?_; end: c?_ }
trace { do :: c!1 :: c!_ od }
