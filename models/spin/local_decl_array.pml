// An array or a structure declared after a body's first statement: SPIN 6.5.2 makes the
// declaration one step that assigns the initial value (or 0) to the name, which for an
// array is its element 0 only (the others stay 0), and for a structure is an empty step
// (a channel, with no initialiser there, gets 0).
typedef Pair { byte a; byte b };
byte x;

active proctype P() {
	skip;
	byte arr[3] = 7;
	Pair p;
	chan c;
	short s[2];
	x = arr[0] + arr[1] + s[0];
	p.b = x
}

active proctype Q() {
	do
	:: x < 3 -> x++
	:: x >= 7 -> assert(P[0]:arr[0] == 7 && P[0]:arr[1] == 0); break
	:: x == 3 -> break
	od
}
