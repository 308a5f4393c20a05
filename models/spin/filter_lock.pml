// The filter lock, Peterson's algorithm generalised to three processes: correct, and a larger
// state space (tens of thousands of states).
#define N 3
byte level[N];
byte victim[N];
byte incrit;

active [N] proctype P() {
	byte l, k;
	do
	:: l = 1;
	   do
	   :: l < N ->
		level[_pid] = l;
		victim[l] = _pid;
		k = 0;
		do
		:: k == _pid -> k++
		:: k != _pid && k < N ->
			if
			:: level[k] < l || victim[l] != _pid -> k++
			fi
		:: k >= N -> break
		od;
		l++
	   :: else -> break
	   od;
	   incrit++;
	   assert(incrit == 1);
	   incrit--;
	   level[_pid] = 0
	od
}
