// runs: s a af
// A request is always answered: [](req -> <> ack) holds even without fairness.
bit req, ack;
active proctype Client() {
	do
	:: req == 0 && ack == 0 -> req = 1
	:: ack == 1 -> ack = 0
	od
}
active proctype Server() {
	do
	:: req == 1 -> req = 0; ack = 1
	od
}
ltl response { [] (req -> <> ack) }
