// runs: s a af
// A claim that could end but whose condition never holds: no error.
byte x;
active proctype T() {
	do
	:: x < 3 -> x++
	:: x == 3 -> x = 0
	od
}
never {
	do
	:: x == 7 -> break
	:: else
	od
}
