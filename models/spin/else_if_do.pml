// else in do and in if: executable only when no other option is.
byte x, n, seen;

active proctype P() {
	do
	:: x < 5 -> x++
	:: x == 5 -> x = 7
	:: else -> break
	od;
	if
	:: x == 3 -> n = 1
	:: else -> n = 2
	fi;
	assert(n == 2 && x == 7)
}

active proctype Q() {
	if
	:: x < 3 -> seen = 1
	:: x > 5 -> seen = 2
	:: else -> seen = 3
	fi;
	assert(seen != 0)
}
