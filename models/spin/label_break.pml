// A label on `break` follows the rules of a label on a goto (SPIN parses break as a goto):
// an end label, or a label a remote reference names (W's P[0]@m), goes onto a skip before
// the break, so the process rests there for one move. Without the skip, P[0]@m would name
// where the break leads (the end of P), and P[1] at end_b would be where x = 0 stands
// (corpus: YeonwooSung example_label, `m3: break` and `P[0]@m3`).
byte x;
active [2] proctype P() {
	do
	:: x < 3 -> x++
	:: x > 1 -> m: break
	:: x == 2 -> end_b: break
	od;
	x = 0
}
active proctype W() {
end_w:	P[0]@m;
	x = 3
}
