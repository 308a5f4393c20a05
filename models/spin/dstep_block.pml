// A d_step that blocks after its first statement is an error of the model, pan's "block
// in d_step seq" (kind block-in-d_step), not a wait: only the d_step's first statement
// decides whether it may start. Ben-Ari's relay example meets it the same way.
byte a, b;

active proctype Feeder() {
	a = 1;
	a = 2;
	b = 1
}

active proctype Taker() {
	d_step {
		a > 0;
		a == 1 || b == 1;	/* blocks once a is 2 while b is still 0 */
		b = 3
	}
}
