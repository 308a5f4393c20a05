// runs: s a af
// The server may never be scheduled while a chatty process keeps moving: the response
// property fails without fairness and holds with weak fairness.
bit req, ack;
byte noise;
active proctype Client() {
	req = 1;
	do
	:: ack == 1 -> break
	od
}
active proctype Server() {
	req == 1 -> ack = 1
}
active proctype Chatty() {
	do
	:: noise = (noise + 1) % 3
	od
}
ltl response { [] (req -> <> ack) }
