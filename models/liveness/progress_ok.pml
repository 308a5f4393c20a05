// runs: l lf
// Every cycle passes a progress label: no non-progress cycle.
byte x;
active proctype T() {
	do
	:: x < 2 -> x++
	:: x == 2 -> x = 0; progress: skip
	od
}
