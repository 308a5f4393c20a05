// runs: s a af
// p U q fails when p may drop before q holds.
bit p = 1, q;
active proctype T() {
	if
	:: q = 1
	:: p = 0
	fi;
	do
	:: p = p
	od
}
ltl p_until_q { p U q }
