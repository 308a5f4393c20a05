// active [K] with K from #define, and active [0]: a proctype with no instance at the start.
#define K 2
byte started;

active [0] proctype Never() {
	assert(false)
}

active [K] proctype Twice() {
	assert(_pid < K);
	started++
}

init {
	assert(_pid == K);
	started == K;
	run Never2()
}

proctype Never2() {
	assert(_pid >= 1 && _pid <= K + 1)
}
