// runs: l lf
// Weak fairness with a provided clause: pan tests the clause after its fairness rule 2
// and, when it is false, goes on to the next process without undoing that rule for it,
// unlike a process whose moves all block (the checker treated both alike, so under -f
// it took P1's loop for a fair non-progress cycle that pan does not report).
byte a, b;
active proctype P0() provided (a != 0) {
	do
	:: atomic { a = (b + 1) % 3; b = 1 - b }
	od
}
active proctype P1() {
	do
	:: b < 2 -> atomic { a = 0; progress_0: b = 1 }
	od
}
