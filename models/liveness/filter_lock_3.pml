// runs: s a af
// Peterson's filter lock for 3 processes (Herlihy and Shavit, The Art of Multiprocessor
// Programming, 2.4), as a user checks it: at each of N-1 levels a process names itself the
// victim and waits while it is the victim and another process is at that level or above;
// the critical section asserts it is alone (ncs) and updates shared data (served, mod 3).
// The lock is starvation-free only under weak fairness: the wait's guard, once true, stays
// true until the waiter moves, so a fair scheduler must let it go, and process 0's request
// is always eventually served. Without fairness process 0 can wait forever (-a finds it).
#define N 3
#define NOBODY_ELSE_AT_OR_ABOVE (_pid == 0 || level[0] < l) && (_pid == 1 || level[1] < l) && (_pid == 2 || level[2] < l)
byte level[N];
byte victim[N];
bit want[N];
bit incs[N];
byte ncs;
byte served;
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
	   ncs++;
	   assert(ncs == 1);
	   served = (served + 1) % 3;
	   ncs--;
	   incs[_pid] = 0;
	   want[_pid] = 0;
	   l = 0;
	   level[_pid] = 0
	od
}
ltl p0_served { [] (want[0] -> <> incs[0]) }
