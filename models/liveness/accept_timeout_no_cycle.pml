// runs: a af
// pan -a without a claim on a model with timeout: when no process can move, pan tries
// them all again at once with timeout true (no claim to ask first). P's loop comes round
// only through its timeout, which needs Q gone from its accept state: no acceptance
// cycle (accept_timeout_cycle and accept_timeout have one).
byte x;
active proctype P() {
	do
	:: x < 3 -> x++
	:: timeout -> x = 0
	od
}
active proctype Q() {
accept:	x == 3 -> x = 5
}
