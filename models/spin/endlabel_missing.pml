// The same server without an end label: when the clients are done, the server waits
// forever in the middle of its body, which is an invalid end state.
chan req = [0] of { byte };
byte served;

active proctype server() {
	byte v;
	do
	:: req?v -> served++
	od
}

active [2] proctype client() {
	req!_pid
}
