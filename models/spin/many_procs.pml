// Eight processes started in a loop, each taking two steps; they end in reverse order.
#define W 8
byte count;

proctype worker(byte id) {
	byte mine = id;
	count++
}

init {
	byte i;
	do
	:: i < W -> run worker(i); i++
	:: else -> break
	od;
	count == W;
	assert(_nr_pr >= 1)
}
