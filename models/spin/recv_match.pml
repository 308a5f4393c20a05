// Receives with constants match only when the head message has those values; eval(x)
// matches a variable's value; plain variables take any value.
mtype = { req, ack, data };
chan c = [3] of { mtype, byte };
byte key = 5;

active proctype S() {
	c!data,5;
	c!req,1;
	c!ack,7
}

active proctype R() {
	byte v;
	if
	:: c?ack,v -> assert(false)
	:: c?data,eval(key) -> skip
	fi;
	c?req,v;
	assert(v == 1);
	c?ack,7;
	assert(len(c) == 0)
}
