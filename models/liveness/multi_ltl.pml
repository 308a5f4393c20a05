// runs: s a af
// ltl: second
// Several ltl blocks; the run chooses the second (pan -N second, gosched --ltl second).
byte x;
active proctype T() {
	do
	:: x = (x + 1) % 3
	od
}
ltl first { [] (x < 3) }
ltl second { [] <> (x == 2) }
ltl third { <> [] (x == 1) }
