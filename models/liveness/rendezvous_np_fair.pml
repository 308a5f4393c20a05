// runs: l lf
// Rendezvous offers and receives with progress labels, under weak fairness (found by
// fuzz.mjs: an offer nobody takes must count as no move, as in pan).
chan c = [0] of { byte };
byte a, b;
active proctype P0() {
	do
	:: a != 1 -> c?b
	:: c?a -> progress_280: skip
	:: c!1
	od
}
active proctype P1() {
	do
	:: a == 2 -> a = 0
	:: a = (b + 1) % 3
	:: c!2
	od
}
