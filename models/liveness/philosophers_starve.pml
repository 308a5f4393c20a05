// runs: s a af
// Three philosophers taking forks in order (no deadlock): philosopher 0 may starve
// without fairness; with weak fairness it may still starve, since its neighbours can
// keep taking the fork back at the only moments it is free.
bit fork[3];
active [3] proctype Phil() {
	byte l = _pid, r = (_pid + 1) % 3;
	byte first = (l < r -> l : r), second = (l < r -> r : l);
	do
	:: atomic { fork[first] == 0 -> fork[first] = 1 };
	   atomic { fork[second] == 0 -> fork[second] = 1 };
eat:	   fork[second] = 0;
	   fork[first] = 0
	od
}
ltl zero_eats { [] <> Phil[0]@eat }
