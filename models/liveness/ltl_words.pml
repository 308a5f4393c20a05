// runs: a af
// ltl: words
// An ltl formula written with SPIN's words for the operators (always, eventually,
// implies, weakuntil): the same property as [] (x == 1 -> <> (x == 2)) W done.
byte x;
bool done;
active proctype P() {
	do
	:: x < 2 -> x++
	:: x == 2 -> x = 0
	:: x == 0 -> done = true; break
	od
}
ltl words { always ((x == 1) implies eventually (x == 2)) weakuntil done }
