// runs: s a af
// p W q holds when p stays true forever and q never comes; p U q would not.
bit p = 1, q;
byte n;
active proctype T() {
	do
	:: n = (n + 1) % 4
	od
}
ltl p_weak_until_q { p W q }
