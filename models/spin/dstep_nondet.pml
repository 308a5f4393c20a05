// d_step is one indivisible transition whose nondeterminism takes the first true guard,
// in if and in do alike.
byte x, y, z, saved;

active proctype P() {
	d_step {
		saved = x;
		if
		:: x == 0 -> y = 1
		:: x == 0 -> y = 2
		:: true -> y = 3
		fi;
		do
		:: z < 3 -> z++
		:: true -> break
		od
	}
	assert(y == (saved == 0 -> 1 : 3));
	assert(z == 3)
}

active proctype Q() {
	x = 1;
	x = 0
}
