// The same counter with the bound one step apart: the assertion's step is the 22nd, found
// with -m22 and cut with -m21 (pan's off-by-one at the depth bound, exactly).
// pan-args: -m21
byte n;
active proctype P() {
	do
	:: n < 10 -> n++
	:: else -> break
	od;
	assert(n < 10)
}
