// Operator precedence as in C: == binds tighter than &, ^ and |; shifts tighter than <;
// * / % left to right; unary minus and !; && tighter than ||.
byte x = 6;
int r;

active proctype P() {
	r = x & 1 == 0;          /* x & (1 == 0) */
	assert(r == 0);
	r = (x & 1) == 0;
	assert(r == 1);
	r = 1 | 2 ^ 3 & 4;       /* 1 | (2 ^ (3 & 4)) */
	assert(r == 3);
	r = 1 << 2 < 5;          /* (1 << 2) < 5 */
	assert(r == 1);
	r = 2 * 3 % 4;           /* (2 * 3) % 4 */
	assert(r == 2);
	r = 20 / 3 / 2;          /* (20 / 3) / 2 */
	assert(r == 3);
	r = - - x + -1;
	assert(r == 5);
	r = !x == 0;             /* (!x) == 0 */
	assert(r == 1);
	r = 1 || 0 && 0;         /* 1 || (0 && 0) */
	assert(r == 1);
	r = x - 2 - 1;
	assert(r == 3);
	r = ~x & 7;
	assert(r == 1)
}

active proctype Q() {
	x = x + 0
}
