// runs: s a af
// Equivalence and implication: p <-> q holds in every state, [](p -> q) too.
bit p, q;
active proctype T() {
	do
	:: atomic { p = 1; q = 1 }
	:: atomic { p = 0; q = 0 }
	od
}
ltl same { [] (p <-> q) }
