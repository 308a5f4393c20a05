// run and _pid: active proctypes first, then init; run returns the new pid, which is the
// number of processes alive; a pid is reused after its process has died.
byte count;

active proctype first() {
	assert(_pid == 0)
}

proctype worker(byte expected) {
	assert(_pid == expected);
	count++
}

init {
	byte p, q;
	assert(_pid == 1);
	atomic { p = run worker(2); q = run worker(3) };
	assert(p == 2 && q == 3);
	count == 2;
	_nr_pr == 2;   /* both workers have died; first (pid 0) cannot die before init */
	p = run worker(2);
	assert(p == 2);
	count == 3
}
