// Three unless statements around the first state: two siblings inside an outer one,
// under a label. SPIN wraps a labelled block that is an unless's main part in a block of
// its own, numbered after the escapes; so when pan adds the escapes to that state, the
// inner escape's entry already lists the outer escape, which comes in under the inner
// one's mark, ahead of the outer's own: both escapes may move from there.
byte a, b, c;
active proctype P() {
again:
	{ { a = 1; a = 2 } unless { b == 0 -> c = (c + 1) % 3 };
	  { a = 3 } unless { c == 1 -> b = 1 } } unless { c == 0 -> b = (b + 2) % 3 };
	a = 0;
	if
	:: b != 1 -> goto again
	:: else
	fi
}
active proctype Q() {
	do
	:: b = 0
	:: c = 0
	:: break
	od
}
