// An escape that offers several moves: pan puts them at the front of each state's list
// one by one, so they are tried in reverse order (here the assertion fails first on the
// path through the last option).
byte a, b, c;
active proctype P() {
	{ a = 1; a = 2; a = 3 } unless {
		if
		:: a == 1 -> b = 1
		:: a == 1 -> b = 2
		:: a == 2 -> c = 1
		fi;
		assert(b != 1)
	}
}
active proctype Q() { do :: c < 3 -> c++ :: break od }
