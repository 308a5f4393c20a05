// An end label on a break in a trace (SPIN parses break as a goto): the skip before it
// takes the send after a c!2, then the trace wants two sends of 1.
chan c = [1] of { byte };
active proctype P() { byte i; do :: i < 4 -> c!1; c?_; i++ :: i < 4 -> c!2; c?_; i++ :: else -> break od }
trace { do :: c!1 :: c!2 -> end: break od; c!1; c!1 }
