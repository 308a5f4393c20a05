// runs: s a af
// A sender retransmits over a channel that may lose messages: without fairness the
// channel may lose every copy, so delivery is not guaranteed even with weak fairness
// (the loss is a choice of the same process, which fairness does not constrain).
chan wire = [1] of { bit };
bit delivered;
active proctype Sender() {
	do
	:: delivered == 0 -> wire!1
	:: delivered == 1 -> break
	od
}
active proctype Wire() {
	do
	:: wire?_ -> skip
	:: wire?_ -> delivered = 1
	od
}
ltl delivers { <> delivered }
