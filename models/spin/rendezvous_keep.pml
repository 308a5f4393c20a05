// A receive that keeps the message (c?<v>) on a rendezvous channel: pan stops with
// "polling rv chan" as soon as the move is tried, offer or none (kind 'channel' here;
// the checker used to wait for an offer and take the hand-off).
chan c = [0] of { byte };
byte a, v;
active proctype P() { do :: a < 2 -> a++ :: a == 2 -> break od; c?<v> }
active proctype Q() { c!7 }
