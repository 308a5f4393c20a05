// timeout becomes true only when no other move is possible: the receiver leaves its loop
// after the sender has sent everything.
chan c = [1] of { byte };
byte got;

active proctype sender() {
	c!1;
	c!2
}

active proctype receiver() {
	byte v;
	do
	:: c?v -> got++
	:: timeout -> break
	od;
	assert(got == 2)
}
