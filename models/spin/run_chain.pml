// Each process starts the next one: pids 1 to 5 in creation order, and then every process
// waits for the last one to end.
byte made;

proctype link(byte depth) {
	assert(_pid == depth);
	made++;
	if
	:: depth < 5 -> run link(depth + 1)
	:: else -> skip
	fi
}

init {
	run link(1);
	made == 5;
	_nr_pr == 1
}
