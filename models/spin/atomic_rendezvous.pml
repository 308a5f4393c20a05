// A rendezvous send inside an atomic sequence: the receiver takes the message in the same
// step and the atomic control passes to it, so the sender's remaining steps wait.
chan c = [0] of { byte };
byte stage;

active proctype sender() {
	atomic {
		stage = 1;
		c!5;
		stage = 3
	}
}

active proctype receiver() {
	byte v;
	atomic {
		c?v;
		assert(stage == 1);
		stage = 2
	}
}

active proctype watcher() {
	stage == 3;
	assert(true)
}
