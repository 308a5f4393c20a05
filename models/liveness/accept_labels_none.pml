// runs: a af
// No claim: accept labels exist but no cycle passes them.
byte x;
active [2] proctype P() {
	do
	:: x < 3 -> x++
	:: x == 3 -> break
	od;
accept_end: skip
}
