// runs: s a af
// q V p (release): p holds until and including the moment q holds.
bit p = 1, q;
active proctype T() {
	do
	:: p == 1 && q == 0 -> q = 1
	:: q == 1 -> p = 0; q = 0; break
	od;
	do
	:: p = 0
	od
}
ltl released { q V p }
