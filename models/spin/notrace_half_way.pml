// The end-state rule holds for a notrace too: stopped half way (two of its three sends
// seen) it is not at an end state, so the system's end is an invalid end state.
chan c = [2] of { byte };
active proctype P() { c!1; c?_; c!1; c?_; end: c?_ }
notrace { c!1; c!1; c!1 }
