// A rendezvous send with a constant pairs only with a receive that matches it; two
// receivers compete for the same channel.
chan c = [0] of { byte, byte };
byte ones, twos;

active proctype sender() {
	c!1,10;
	c!2,20;
	c!1,11
}

active proctype takesOne() {
	byte v;
end:
	do
	:: c?1,v -> assert(v == 10 || v == 11); ones++
	od
}

active proctype takesTwo() {
	byte v;
	c?2,v;
	assert(v == 20);
	twos++
}

active proctype judge() {
	ones == 2 && twos == 1
}
