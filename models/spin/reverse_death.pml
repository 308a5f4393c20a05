// Only the highest pid can die, so processes end in reverse order of creation:
// a child that finished early stays until every later child has gone.
byte done;
byte order[3];

proctype child(byte id) {
	atomic { order[done] = id; done++ }
}

init {
	atomic { run child(1); run child(2); run child(3) };
	done == 3;
	_nr_pr == 1;
	assert(done == 3)
}
