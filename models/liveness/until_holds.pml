// runs: s a af
// (x < 3) U (x == 3) for a counter that only grows: holds.
byte x;
active proctype T() {
	do
	:: x < 3 -> x++
	:: x == 3 -> break
	od;
	do
	:: x = 3
	od
}
ltl grows { (x < 3) U (x == 3) }
