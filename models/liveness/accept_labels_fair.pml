// runs: a af
// No claim: a process loops through its accept label only while the other one never
// moves; that cycle is unfair, so -a finds it and -a -f does not.
bit x;
byte n;
active proctype Spinner() {
	do
	:: x == 0 -> accept_spin: n = 1 - n
	:: x == 1 -> break
	od;
	x = 0
}
active proctype Setter() {
	x = 1
}
