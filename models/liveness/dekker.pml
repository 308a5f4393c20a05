// runs: s a af
// Dekker's algorithm: no starvation under weak fairness.
bit flag[2];
bit turn;
active [2] proctype P() {
	do
	:: flag[_pid] = 1;
	   do
	   :: flag[1 - _pid] == 1 ->
		if
		:: turn == 1 - _pid ->
			flag[_pid] = 0;
			turn == _pid;
			flag[_pid] = 1
		:: else
		fi
	   :: else -> break
	   od;
cs:	   turn = 1 - _pid;
	   flag[_pid] = 0
	od
}
ltl p0_enters { [] <> P[0]@cs }
