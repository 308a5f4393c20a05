// runs: s a af
// Naive flags: both may raise their flag and wait forever for each other; the
// deadlock stutters, so "process 0 eventually enters" fails.
bit flag[2];
active [2] proctype P() {
	do
	:: flag[_pid] = 1;
	   flag[1 - _pid] == 0;
cs:	   flag[_pid] = 0
	od
}
ltl enters { [] <> P[0]@cs }
