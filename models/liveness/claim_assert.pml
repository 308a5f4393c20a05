// runs: s a
// An assertion inside the claim is checked while the claim runs.
byte x;
active proctype T() {
	do
	:: x < 5 -> x++
	:: x == 5 -> x = 0
	od
}
never {
	do
	:: assert(x < 5)
	od
}
