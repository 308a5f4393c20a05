// active [3] proctype: three instances with pids 0..2, then one more active proctype with pid 3.
byte arrived;
bool mark[4];

active [3] proctype W() {
	assert(_pid < 3);
	atomic { mark[_pid] = 1; arrived++ }
}

active proctype Last() {
	assert(_pid == 3);
	arrived == 3;
	assert(mark[0] && mark[1] && mark[2] && !mark[3])
}
