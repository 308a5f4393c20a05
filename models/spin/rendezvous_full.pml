// full() and nfull() of a rendezvous channel: pan holds a rendezvous message only for
// the instant of its hand-off, so whenever a process can test them full(c) is false and
// nfull(c) true (the checker took a capacity of 0 for always full).
chan c = [0] of { byte };
byte a;
active proctype P() { do :: nfull(c) -> a = (a + 1) % 3 :: full(c) -> break :: a == 2 -> break od; c!a }
active proctype Q() { byte v; c?v; assert(v == 2) }
