// Producer and consumer over a rendezvous (zero-slot) channel, with a last-message flag.
chan c = [0] of { bool, byte };

active proctype producer() {
	byte i = 0;
	do
	:: i < 3 -> c!0,i; i++
	:: else -> c!1,0; break
	od
}

active proctype consumer() {
	bool last;
	byte v, expect = 0;
	do
	:: c?last,v ->
		if
		:: last -> break
		:: else -> assert(v == expect); expect++
		fi
	od;
	assert(expect == 3)
}
