// runs: s
// A rendezvous offer that two processes can take, under a claim: after the first has
// taken it and its moves come back, the offer's frame must still try the other (it is
// no spent atomic frame, whose one process has nothing left: liveness.ts, Tau.SPENT).
chan c = [0] of { byte };
byte got[2], sent;
active proctype S() {
	do
	:: sent < 3 -> c!sent; sent++
	:: sent == 3 -> sent = 0
	od
}
active [2] proctype R() {
	byte v;
	do
	:: c?v -> got[_pid - 1] = v
	od
}
never {
	do
	:: got[0] + got[1] < 5
	od
}
