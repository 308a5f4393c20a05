// break out of a do from inside an atomic sequence, with an unreachable statement after the
// break in the same atomic sequence. (Found by fuzz.mjs: the checker's counts differed.)
byte a, b, c;

active proctype P() {
	do
	:: b == 2 -> atomic { a == 0 -> break; c < 1 }
	od
}

active proctype Q() {
	b = 2
}
