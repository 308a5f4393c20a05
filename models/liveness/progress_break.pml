// runs: l lf
// A progress label on a break (SPIN parses break as a goto and puts a skip before it that
// carries the label): each round of P's outer loop passes a progress state; the loop of Q
// does not.
byte x, y;
active proctype P() {
	do
	:: do
	   :: x < 3 -> x++
	   :: x == 3 -> x = 0; progress: break
	   od
	od
}
active proctype Q() {
	do
	:: y = 1 - y
	od
}
