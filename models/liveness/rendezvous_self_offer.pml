// runs: s a af
// A process offers on a rendezvous channel that no other process receives on: pan
// counts the offer as no move (its qsend clears the receiver frame's move result).
chan c = [0] of { byte };
byte a, b;
active proctype P0() {
	do
	:: c?b
	:: c!2
	od
}
ltl f { [] <> (a != 2) -> [] <> (a < 1) }
