// runs: a af
// pan -a without a claim, a model with timeout, and an acceptance cycle that passes
// through a timeout: Q waits at its accept label while P counts to 2 and, blocked, starts
// again on timeout; Q's own move needs x == 2 and y == 1, which never hold together.
byte x, y;
active proctype P() {
	do
	:: x < 2 -> x++
	:: timeout -> x = 0; y = 1 - y
	od
}
active proctype Q() {
accept:	do
	:: x == 2 && y == 1 -> x = 0
	od
}
