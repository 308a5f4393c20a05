// runs: s a af
// Leader election on a ring of 3 (Chang-Roberts with buffered channels): eventually
// exactly one leader is known.
#define N 3
chan ring[N] = [N] of { byte };
byte leaders;
active [N] proctype Node() {
	byte id = (_pid * 2 + 1) % 5, v;
	ring[(_pid + 1) % N]!id;
	do
	:: ring[_pid]?v ->
		if
		:: v == id -> leaders++; break
		:: v > id -> ring[(_pid + 1) % N]!v
		:: else
		fi
	od
}
ltl elected { <> [] (leaders == 1) }
