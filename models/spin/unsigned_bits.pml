// `unsigned name : width`: values 0 .. 2^width - 1; an assignment keeps the low width bits
// (a = 5 + 4 is 1, c = 7 is 3, then 0), as pan's C bit-fields do, so b wraps at 1024.
unsigned a : 3 = 5;
unsigned b : 10;
active proctype P() {
	unsigned c : 2 = 7;
	a = a + 4;
	b = 1000 + a + c;
	c = c + 1;
	do
	:: a < 7 -> a++
	:: a > 0 -> a--
	:: b = b + 100
	:: c == 0 -> break
	od;
	assert(a < 8 && b < 1024 && c < 4)
}
