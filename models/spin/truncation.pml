// Assignments truncate to the variable's type: bit, byte (unsigned 8), short (signed 16),
// int (signed 32); expressions are computed in int.
bit b;
byte u = 255;
short s = 32767;
int i = 2147483647;

active proctype P() {
	b = 2;
	assert(b == 0);
	b = 3;
	assert(b == 1);
	u++;
	assert(u == 0);
	u = u - 1;
	assert(u == 255);
	assert(u + 1 == 256);
	s++;
	assert(s == -32768);
	s = s - 1;
	assert(s == 32767);
	i = i + 1;
	assert(i < 0)
}

active proctype Q() {
	byte x;
	x = 300;
	assert(x == 44)
}
