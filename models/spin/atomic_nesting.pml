// An atomic sequence nested in another, a d_step inside an atomic sequence, and a do loop
// left by break inside an atomic sequence: all one indivisible run for the other process.
byte x, y, seen;

active proctype A() {
	atomic {
		x++;
		atomic { y++; x++ };
		d_step { y++; x++ };
		do
		:: x < 6 -> x++
		:: else -> break
		od;
		y++
	}
	x = 0
}

active proctype B() {
	if
	:: x == 0 && y == 0 -> seen = 1
	:: x == 6 && y == 3 -> seen = 2
	:: x == 0 && y == 3 -> seen = 3
	fi;
	assert(seen != 0)
}
