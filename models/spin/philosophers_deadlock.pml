// Three dining philosophers, each takes the left fork then the right one.
// When all hold their left fork nobody can move: invalid end state.
#define N 3
bool fork[N];

proctype phil(byte left; byte right) {
	do
	:: atomic { fork[left] == 0 -> fork[left] = 1 };
	   atomic { fork[right] == 0 -> fork[right] = 1 };
	   /* eat */
	   fork[right] = 0;
	   fork[left] = 0
	od
}

init {
	byte k = 0;
	atomic {
		do
		:: k < N -> run phil(k, (k + 1) % N); k++
		:: else -> break
		od
	}
}
