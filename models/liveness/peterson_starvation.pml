// runs: s a af
// Peterson's mutual exclusion: with weak fairness every process that asks enters
// (no starvation); without fairness a cycle where process 0 waits forever exists.
bool flag[2];
byte turn;
byte incs;
active [2] proctype P() {
	do
	:: flag[_pid] = 1;
	   turn = 1 - _pid;
	   (flag[1 - _pid] == 0 || turn == _pid);
	   incs++;
cs:	   incs--;
	   flag[_pid] = 0
	od
}
never {    /* !([] (P[0]@cs -> ... )) : process 0 asks and never enters */
T0_init:
	do
	:: (flag[0] == 1 && !(P[0]@cs)) -> goto accept_S4
	:: (1) -> goto T0_init
	od;
accept_S4:
	do
	:: (!(P[0]@cs)) -> goto accept_S4
	od;
}
