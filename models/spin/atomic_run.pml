// run inside an atomic sequence: the new process exists at once but cannot move until the
// creator's atomic sequence ends, so both children see n == 10 or more.
byte n;

proctype child() {
	assert(n >= 10);
	n++
}

active proctype P() {
	atomic {
		run child();
		n = 10;
		run child()
	}
	n == 12;
	assert(_nr_pr >= 1)
}
