// runs: s a af
// A test-and-set lock: safe, but a process may wait forever even under weak fairness,
// because the lock is free only at moments when the other one takes it again.
bit lock;
byte want[2];
active [2] proctype P() {
	do
	:: want[_pid] = 1;
	   atomic { lock == 0 -> lock = 1 };
	   want[_pid] = 0;
cs:	   lock = 0
	od
}
ltl starve { [] (want[0] == 1 -> <> P[0]@cs) }
