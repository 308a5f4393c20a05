// timeout beside else: while any process can move, timeout is false and else is taken;
// two processes waiting on timeout at once, one of them inside an atomic sequence; a third
// blocked for ever at an end label.
byte x, y, hits;

active proctype A() {
	if
	:: timeout -> hits++
	:: else -> x = 1
	fi;
	do
	:: x < 3 -> x++
	:: timeout -> break
	od;
	hits++
}

active proctype B() {
end:
	atomic { y == 1 -> hits++ }
	assert(false)
}

active proctype C() {
	timeout;
	atomic { timeout -> hits++ };
	assert(hits >= 1)
}
