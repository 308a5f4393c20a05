// Three dining philosophers that take the lower-numbered fork first: no deadlock.
#define N 3
bool fork[N];
byte eating;

proctype phil(byte a; byte b) {
	byte first = (a < b -> a : b);
	byte second = (a < b -> b : a);
	do
	:: atomic { fork[first] == 0 -> fork[first] = 1 };
	   atomic { fork[second] == 0 -> fork[second] = 1 };
	   eating++;
	   assert(eating <= N / 2);
	   eating--;
	   fork[second] = 0;
	   fork[first] = 0
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
