// Variables declared at the top of a trace: SPIN gives them no storage (the state vector
// is the one without them) and the trace no step; named in a field they match anything,
// as any variable there does.
chan c = [1] of { byte };
active proctype P() { byte i; do :: i < 3 -> c!1; c?i; :: i < 3 -> c!2; c?i :: else -> break od }
trace { byte x, y = 3; do :: c!x :: c?y od }
