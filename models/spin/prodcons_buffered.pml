// Producer and consumer over a buffered channel of two slots; messages arrive in order.
#define N 4
chan buf = [2] of { byte };

proctype producer() {
	byte i = 0;
	do
	:: i < N -> buf!i; i++
	:: else -> break
	od
}

proctype consumer() {
	byte expect = 0, v;
	do
	:: expect < N -> buf?v; assert(v == expect); expect++
	:: else -> break
	od;
	assert(len(buf) == 0)
}

init {
	run producer();
	run consumer()
}
