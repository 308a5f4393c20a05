// runs: s a af
// provided clauses and enabled() under a claim.
byte x, y;
active proctype A() provided (y < 2) {
	do
	:: x = (x + 1) % 3
	:: x == 2 -> y = (y + 1) % 3
	od
}
active proctype B() {
	do
	:: enabled(0) -> y = 0
	:: !enabled(0) -> x = 0
	:: y == 2 -> y = 1
	od
}
ltl p { [] <> (x == 0) }
