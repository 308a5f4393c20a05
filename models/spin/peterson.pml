// Peterson's mutual exclusion for two processes: correct, no errors.
bool flag[2];
byte turn;
byte incrit;

active [2] proctype P() {
	byte other = 1 - _pid;
	do
	:: flag[_pid] = 1;
	   turn = other;
	   (flag[other] == 0 || turn == _pid);
	   incrit++;
	   assert(incrit == 1);
	   incrit--;
	   flag[_pid] = 0
	od
}
