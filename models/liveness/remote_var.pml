// runs: s a af
// Remote variable references: the claim reads a local of a process.
active [2] proctype P() {
	byte n;
	do
	:: n < 3 -> n++
	:: n == 3 -> n = 0
	od
}
ltl local_wraps { [] <> (P[1]:n == 0) }
