// runs: s a af
// Alternating-bit style sender and receiver over reliable buffered channels: every
// message sent is eventually acknowledged.
chan data = [1] of { bit };
chan ackc = [1] of { bit };
bit sent, acked;
active proctype Sender() {
	bit b, a;
	do
	:: data!b; sent = 1;
	   ackc?a;
	   if
	   :: a == b -> acked = 1; b = 1 - b; sent = 0; acked = 0
	   :: else
	   fi
	od
}
active proctype Receiver() {
	bit v;
	do
	:: data?v -> ackc!v
	od
}
ltl acknowledged { [] (sent -> <> acked) }
