// runs: s a
// A never claim beside ltl blocks (SPIN compiles every one as a claim, the never claim
// first as never_0, and pan checks it when no -N names another): the written claim is
// the one checked. maxhelm94's traffic-light models; refused before.
byte x;
active proctype P() {
	do
	:: x < 4 -> x++
	:: x > 0 -> x--
	od
}
ltl small { [] (x < 3) }
never {
	do
	:: x == 3 -> break
	:: else
	od
}
ltl reach { <> (x == 2) }
