// runs: s a af
// <>[] p: the system settles in p for good.
byte x;
bit done;
active proctype T() {
	do
	:: x < 4 -> x++
	:: x == 4 -> done = 1; break
	od;
	do
	:: x = 4
	od
}
ltl settles { <> [] done }
