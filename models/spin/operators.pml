// Arrays and C operators: / and % truncate toward zero, bitwise operators, shifts,
// the conditional expression, and byte arithmetic wrapping at 256.
int a = -7, b = 2;
byte arr[4];
short s = -1;

active proctype P() {
	byte i;
	assert(a / b == -3 && a % b == -1);
	assert(7 / -2 == -3 && 7 % -2 == 1);
	assert((5 & 3) == 1 && (5 | 3) == 7 && (5 ^ 3) == 6 && ~0 == -1);
	assert((1 << 4) == 16 && (256 >> 3) == 32 && (a >> 1) == -4);
	assert((a < 0 -> 1 : 2) == 1 && (a > 0 -> 1 : 2) == 2);
	assert(!(a == b) && (a != b || false) && !0 == 1);
	do
	:: i < 4 -> arr[i] = (i * i + 3) % 5; i++
	:: else -> break
	od;
	assert(arr[0] == 3 && arr[1] == 4 && arr[2] == 2 && arr[3] == 2);
	arr[0] = 250;
	arr[0] = arr[0] + 10;
	assert(arr[0] == 4)
}

active proctype Q() {
	s = s * 3;
	s = s << 2;
	assert(s == -12)
}
