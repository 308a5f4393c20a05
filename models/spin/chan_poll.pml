// Channel polls c?[...]: test whether a receive could run, without running it.
mtype = { req, ack };
chan c = [2] of { mtype, byte };
byte polled, taken;

active proctype S() {
	c!req,1;
	c!ack,2
}

active proctype R() {
	byte v;
	do
	:: c?[req,1] -> polled++; c?req,v; assert(v == 1); taken++
	:: c?[ack,v] -> polled++; assert(v == 1); c?ack,v; assert(v == 2); taken++
	:: taken == 2 -> break
	od;
	assert(polled == 2 && len(c) == 0)
}
