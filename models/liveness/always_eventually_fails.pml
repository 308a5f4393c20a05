// runs: s a af
// []<> (x == 0) fails: x may grow to 3 and stay there.
byte x;
active proctype T() {
	do
	:: x < 3 -> x++
	:: x > 0 && x < 3 -> x--
	:: x == 3 -> x = 3
	od
}
ltl back_to_zero { [] <> (x == 0) }
