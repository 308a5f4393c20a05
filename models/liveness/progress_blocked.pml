// runs: l lf
// A system that blocks: pan stutters at the deadlock, a non-progress cycle without
// fairness (the stutter passes no progress label).
byte x;
active proctype T() {
	x < 3 -> x++;
progress: x == 9
}
