// A rendezvous send is observed when it offers, before a receiver takes it: P's second
// offer is an error of the trace although no process could ever receive it.
chan c = [0] of { byte };
active proctype P() { c!1; c!2 }
active proctype Q() { c?_ }
trace { c!1; c!3 }
