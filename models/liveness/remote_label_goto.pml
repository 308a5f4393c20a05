// runs: s a
// A label that a remote reference names stays a state even when it marks a goto: SPIN
// (fix_dest) makes the labelled goto a skip followed by the goto, so R rests at P1 for
// one move. Without that, R@P1 would hold where the goto leads (the do) instead.
byte x;
active proctype R() {
again:
	do
	:: x < 3 -> x++
	:: x == 3 -> x = 0; break
	od;
P1:
	goto again
}
never {
	do
	:: !R[0]@P1
	:: R[0]@P1 && x == 0 -> break
	od;
accept:
	do
	:: R[0]@P1 || x > 0
	od
}
