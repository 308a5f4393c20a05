// runs: s a af
// <>[] p fails: the system can leave p forever after reaching it.
bit p;
active proctype T() {
	do
	:: p = 1
	:: p = 0
	od
}
ltl settles { <> [] p }
