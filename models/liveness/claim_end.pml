// runs: s a af
// A claim that ends: reaching the end of a never claim is a violation, found without -a.
byte x;
active proctype P() {
	do
	:: x < 4 -> x++
	:: x > 0 -> x--
	od
}
never {
	do
	:: x == 3 -> break
	:: else
	od
}
