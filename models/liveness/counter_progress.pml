// runs: l lf
// Two processes; one makes progress, the other can spin forever without it.
byte x;
bit y;
active proctype Worker() {
	do
	:: x < 3 -> x++
	:: x == 3 -> x = 0; progress: skip
	od
}
active proctype Idler() {
	do
	:: y = 1 - y
	od
}
