// A rendezvous sent from inside an atomic sequence to a receiver that is not atomic: the
// sender's atomic sequence is interrupted by the handshake, and the others may move.
chan c = [0] of { byte };
byte stage, noise;

active proctype sender() {
	atomic {
		stage = 1;
		c!7;
		stage = 2
	}
}

active proctype receiver() {
	byte v;
	c?v;
	assert(v == 7 && stage >= 1);
	noise++
}

active proctype other() {
	noise++
}
