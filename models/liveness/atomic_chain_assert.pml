// runs: s
// An assertion that fails in the middle of a forced chain, under a claim: the chain
// (liveness.ts) stops there with pan's counts, and the counterexample holds every step
// of the sequence up to it, as pan's trail does.
byte x, y;
active [2] proctype P() {
	do
	:: atomic {
		x < 4 -> x++;
		if
		:: x == 1 -> y = 1
		:: x == 2 -> y = 3
		:: x > 2 -> y = y + 1
		fi;
		skip;
		assert(x != 3 || _pid == 0);
		y = 0
	   }
	:: atomic { x > 0 -> x--; skip }
	od
}
never {
	do
	:: x < 4
	od
}
