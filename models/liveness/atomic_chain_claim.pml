// runs: s a af
// Atomic sequences of forced steps and of choices between conditions, under a claim: the
// liveness search runs them as chains (liveness.ts, chainKinds) where the process has one
// move or exactly one condition holds, and must count as pan does where two hold, where
// none holds and else moves, where none holds and there is no else (atomicity is lost),
// on _last, and on the move that leaves the sequence.
byte x, y, z, who, n;
active [3] proctype P() {
	do
	:: atomic {
		x < 3 ->
		if
		:: x == 0 -> y = 1
		:: x == 1 -> y = 2
		:: x == 2 -> y = 0
		fi;
		x++;
		skip;
		who = _last;
		if
		:: y > 0 -> z = 1
		:: y < 2 -> z = 2
		fi;
		if
		:: z == 3 -> skip
		:: else -> z = 0
		fi;
		n < 4 -> n++
	   }
	:: atomic { x > 0 -> x--; (y == 0 || x > 1); y = 0 }
	:: atomic { n == 4 -> goto out }
	od;
out:	x = 0; goto out
}
never {	/* !([] <> (y == 0)) */
T0_init:
	do
	:: (! ((y == 0))) -> goto accept_S4
	:: (1) -> goto T0_init
	od;
accept_S4:
	do
	:: (! ((y == 0))) -> goto accept_S4
	od;
}
