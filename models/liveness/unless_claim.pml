// runs: s a af
// unless under a claim: an escape is tried first, and once it has moved the main part's
// moves from the same state are not (pan's e_state).
byte x, resets;
active proctype Counter() {
end:	do
	:: { x < 3 -> x++; x = x % 3 } unless { x == 2 -> x = 0; resets = (resets + 1) % 2 }
	:: x == 3 -> x = 0
	od
}
active proctype Other() {
end:	do
	:: x == 1 -> x = 3
	:: resets == 1 -> resets = 0
	od
}
ltl back { [] <> (x == 0) }
