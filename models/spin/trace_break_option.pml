// A break as an option of a trace's loop: it matches any event, so on the first c!1 both
// options match, pan's "non-determinism in event-trace".
chan c = [1] of { byte };
active proctype P() { byte i; do :: i < 3 -> c!1; c?_; i++ :: i < 3 -> c!2; c?_; i++ :: else -> break od }
trace { do :: c!1 :: break od; c!2; c!2 }
