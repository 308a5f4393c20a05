// runs: s a af
// A hidden global is no part of a state (SPIN keeps it out of the state vector): the
// counts are those of the model without it.
hidden byte scratch;
byte x;
active [2] proctype P() {
	do
	:: x < 3 -> scratch = x; x++
	:: x == 3 -> scratch = 7; x = 0
	od
}
ltl wraps { [] <> (x == 0) }
