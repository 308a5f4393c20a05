// A server blocked in its receive loop at an end-prefixed label is a valid end state.
chan req = [0] of { byte };
byte served;

active proctype server() {
	byte v;
endloop:
	do
	:: req?v -> served++
	od
}

active [2] proctype client() {
	req!_pid
}
