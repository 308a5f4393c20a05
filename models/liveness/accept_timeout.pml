// runs: a af
// No claim, timeout in the model: pan -a retries a state where no process can move with
// timeout true before it counts it as stuck. The waiter's accepting loop runs only on
// timeout, once the sender has stopped: a fair acceptance cycle.
byte n;
chan c = [1] of { bit };
active proctype Waiter() {
	do
	:: c?_ -> n++
	:: timeout -> accept_idle: n = 0
	od
}
active proctype Sender() {
	do
	:: n < 2 -> c!1
	:: n >= 2 -> break
	od
}
