// runs: a af
// No claim, timeout in the model, and no acceptance cycle: the accept label lies after
// the loops that only timeout ends; the search goes through every state.
byte n, m;
active proctype P() {
	do
	:: n < 3 -> n++
	:: timeout -> break
	od;
accept_done:
	n = 4
}
active proctype Q() {
	do
	:: m < 2 -> m++
	:: m == 2 && n == 1 -> m = 0
	:: timeout -> break
	od
}
