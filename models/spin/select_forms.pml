// Which select SPIN's lexer writes out as text (an if of assignments, or a counting loop
// past 32 values) and which its parser builds (sel_index: a loop whose break comes
// first): only `select ( name : digits .. digits )`, with a name of letters and digits
// and outside an inline body, is written out. The forms differ in states and in order.
#define N	3
byte a, b, my_c, d, e, n;
inline pick(v) {
	select(v : 0 .. 2)
}
active proctype P() {
	select(a : 0 .. N);		// written out: N is 3 after cpp
	select(b : 0 .. (N-1));		// sel_index: (N-1) is no number
	select(my_c : 1 .. 2);		// sel_index: _ is no letter or digit
	pick(d);			// sel_index: inside an inline
	select(e : 0 .. 40);		// written out as a counting loop
	n = a + b + my_c + d + e;
	assert(n < 48)
}
