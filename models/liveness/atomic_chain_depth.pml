// runs: s
// max-depth: 61
// Long atomic sequences of forced steps and choices cut by the depth bound: where the
// bound falls inside a chain (liveness.ts) the step there counts as a matched state, as
// in pan, and the search goes on from the steps before it.
byte x, y;
active [2] proctype P() {
	do
	:: atomic {
		x < 5 -> x++;
		if
		:: x > 2 -> y = x
		:: x <= 2 -> y = 0
		fi;
		skip; skip; skip;
		if
		:: y == 0 -> x = x
		:: else -> y--
		fi;
		skip
	   }
	:: atomic { x > 0 -> x--; skip; skip }
	od
}
never {
T0:	do
	:: y < 4
	:: y == 3 -> goto accept_S
	od;
accept_S:
	do
	:: y > 0
	od
}
