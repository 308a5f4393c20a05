// len, empty, full, nempty and nfull on a three-slot channel.
chan c = [3] of { byte };
byte sent, recvd;

active proctype filler() {
	do
	:: nfull(c) && sent < 5 -> c!sent; sent++
	:: atomic { full(c) -> assert(len(c) == 3) }
	:: sent == 5 -> break
	od
}

active proctype drainer() {
	byte v;
	do
	:: nempty(c) -> c?v; assert(v == recvd); recvd++
	:: empty(c) && recvd == 5 -> break
	od;
	assert(len(c) == 0)
}
