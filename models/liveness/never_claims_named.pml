// runs: s a
// ltl: two
// Several never claims (spin.y's claim: SPIN compiles them all, pan -N NAME picks one,
// an unnamed one is never_N with N the claims before it); here -N two, the second.
// Refused before ("a second never claim").
byte x;
active proctype P() {
	do
	:: x < 3 -> x++
	:: x > 0 -> x--
	od
}
never { do :: x == 2 -> break :: else od }
never two {
	do
	:: x == 3 -> goto accept
	:: else
	od;
accept:
	do
	:: x > 0
	od
}
never { skip }
