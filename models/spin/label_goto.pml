// An end, progress or accept label on a goto: SPIN puts a skip before the goto and the
// label on the skip (flow.c add_el), so the process rests there for one move, and numbers
// the skip after the goto. Without the skip, P would go from the do's exit straight to M.
byte x;
active proctype P() {
L:	do
	:: x < 2 -> x++
	:: x >= 2 -> break
	od;
end:	goto M;
M:	x = 0;
progress_1: goto L
}
active proctype Q() {
	do
	:: x == 1 -> x = 2
	:: x == 0 -> break
	od;
	assert(x < 3)
}
