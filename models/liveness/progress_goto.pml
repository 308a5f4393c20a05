// runs: l lf
// A progress label on a goto (SPIN: a skip before the goto carries the label): the loop
// through it passes a progress state; the loop of Q does not.
byte x, y;
active proctype P() {
L:	x < 3 -> x++;
	x == 3 -> x = 0;
progress: goto L
}
active proctype Q() {
	do
	:: y = 1 - y
	od
}
