// runs: s a af
// []<> p for a toggling bit: holds.
bit p;
active proctype T() {
	do
	:: p = 1 - p
	od
}
ltl inf_often { [] <> p }
