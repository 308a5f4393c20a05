// runs: s a af
// A system that deadlocks until timeout rescues it; the claim watches for x == 2.
byte x;
active proctype A() {
	do
	:: x == 0 -> x = 1
	:: timeout -> x = 2
	:: x == 2 -> x = 0
	od
}
active proctype B() {
	x == 1; x = 0
}
ltl eventually_two { [] <> (x == 2) }
