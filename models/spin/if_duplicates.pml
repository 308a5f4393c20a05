// Duplicate and overlapping guards in if and do: each executable option is a separate move,
// even when two moves lead to the same state.
byte x, y;

active proctype P() {
	if
	:: true -> x = 1
	:: true -> x = 1
	:: x == 0 -> x = 2
	:: x > 5 -> x = 9
	fi;
	do
	:: y < 2 -> y++
	:: y < 2 -> y++
	:: y < 2 -> y = y + 2
	:: y >= 2 -> break
	od;
	assert((x == 1 || x == 2) && y >= 2 && y <= 3)
}

active proctype Q() {
	x == 1 || x == 2;
	if
	:: atomic { y < 2 -> y = 0 }
	:: y >= 2
	fi
}
