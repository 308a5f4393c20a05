// runs: s a af
// Atomic sequences under a claim: the claim does not move inside them.
byte x, y;
active [2] proctype P() {
	do
	:: atomic { x < 2 -> x++; y = x; x-- }
	:: atomic { y > 0 -> y-- }
	od
}
ltl never_two { [] (y < 2) }
