// runs: l lf
// Two workers; each cycle of either passes its progress label, but a cycle of one
// worker alone does not pass the other's: with only one making progress it is still
// progress, so no error.
byte a, b;
active proctype A() {
	do
	:: a = 1 - a; progress_a: skip
	od
}
active proctype B() {
	do
	:: b = 1 - b; progress_b: skip
	od
}
