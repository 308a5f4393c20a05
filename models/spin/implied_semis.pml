// SPIN 6.3's optional semicolons: inside a body, outside parentheses, a line that ends in
// a name, a constant, ++, --, ), ], }, od, fi, else or break ends its statement. So
// `respond = request` and `(respond <= 2)` below are an assignment and a guard (not a
// call of request), and `b = a` and `-1` two statements (b is 1, not 0).
#define SET(v, e)	v = e
byte a = 1, b, request = 2, respond, n;
active proctype P() {
	respond = request
	(respond <= 2)
	b = a
	-1
	assert(b == 1)
	do
	:: n < 3 -> n++
		SET(b, b + n)
	:: n == 3
		break
	:: else
		skip
	od
	{ n-- } unless { n > 5 }
	assert(b == 7 && n == 2)
}
active proctype Q() {
	do
	:: respond > 0
		respond--
	:: respond == 0 -> break
	od
}
