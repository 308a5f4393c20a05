// Polling a rendezvous channel (c?[..], c??[..]): SPIN warns that such a test is always
// false, and pan stops with "error to poll rendezvous channel" when one is evaluated
// (kind 'channel' here; the checker used to take it as false and search on).
chan c = [0] of { byte };
byte a;
active proctype P() { do :: a < 2 -> a++ :: a == 2 -> break od; c?[2] -> a = 0 }
active proctype Q() { c!a }
