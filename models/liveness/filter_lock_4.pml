// runs: af
// max-depth: 100000
// Peterson's filter lock for 4 processes (Herlihy and Shavit, The Art of Multiprocessor
// Programming, 2.4): at each of N-1 levels a process names itself the victim and waits
// while it is the victim and another process is at that level or above. The lock is
// starvation-free, but only under weak fairness: the wait's guard, once true, stays true
// until the waiter moves, so a fair scheduler must let it go. Process 0's request is
// always eventually served.
#define N 4
#define NOBODY_ELSE_AT_OR_ABOVE (_pid == 0 || level[0] < l) && (_pid == 1 || level[1] < l) && (_pid == 2 || level[2] < l) && (_pid == 3 || level[3] < l)
byte level[N];
byte victim[N];
bit want[N];
bit incs[N];
active [N] proctype P() {
	byte l;
	do
	:: want[_pid] = 1;
	   l = 1;
	   do
	   :: l < N ->
		level[_pid] = l;
		victim[l] = _pid;
		(victim[l] != _pid || NOBODY_ELSE_AT_OR_ABOVE);
		l++
	   :: else -> break
	   od;
cs:	   incs[_pid] = 1;
	   incs[_pid] = 0;
	   want[_pid] = 0;
	   l = 0;
	   level[_pid] = 0
	od
}
ltl p0_served { [] (want[0] -> <> incs[0]) }
