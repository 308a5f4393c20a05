// SPIN 6's `for (m in q)`: each message is taken from the head and put back at the tail
// (the loop's counter is a byte local SPIN adds to the process, one per block scope, shared
// by two loops in the same scope); another process takes and sends messages meanwhile.
typedef Msg { byte v; bool last };
chan q = [3] of { Msg };
byte seen, total;
active proctype Walk() {
	Msg m;
	m.v = 1; q!m; m.v = 2; q!m;
	for (m in q) {
		seen = (seen + m.v) % 4
	};
	for (m in q) {
		if
		:: m.last -> break
		:: else
		fi
	};
	{
		for (m in q) {
			total = (total + m.v) % 4
		}
	}
}
active proctype Meddle() {
	Msg x;
	do
	:: q?x -> x.last = true; q!x
	:: break
	od
}
