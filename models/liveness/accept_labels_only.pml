// runs: a af
// No claim: pan -a looks for cycles through the processes' accept labels. The
// retrying sender can loop through its accept label forever (the receiver may never
// take the message), and weak fairness does not rule that out here because the
// receiver's choice to drop is its own.
chan c = [1] of { byte };
byte got;
active proctype Sender() {
	do
	:: c!1
	:: full(c) -> accept_retry: skip
	od
}
active proctype Receiver() {
	do
	:: c?_ -> got = 1 - got
	od
}
