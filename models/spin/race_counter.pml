// Two processes increment a shared counter with a read and a separate write:
// an update can be lost, so the final check fails (assertion violated).
byte x;
byte finished;

proctype inc() {
	byte tmp;
	tmp = x;
	x = tmp + 1;
	finished++   /* not atomic either, but a lost update here only blocks */
}

init {
	atomic { run inc(); run inc() }
	finished == 2;
	assert(x == 2)
}
