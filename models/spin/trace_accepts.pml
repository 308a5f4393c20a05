// A trace of receives only, on a rendezvous channel: the sends on c are not observed
// (no send of the trace names c), each receive is, and the trace ends with the last one
// (its break leads to its end, where it rests at the system's end). No error.
mtype = { req, ack };
chan c = [0] of { mtype, byte };
active proctype P() { byte i; do :: i < 4 -> c!req,i; i++ :: i == 4 -> c!ack,i; break od }
active proctype Q() { byte v; end: do :: c?req,v :: c?ack,v od }
trace { do :: c?req,_ :: c?ack,4 -> break od }
