// A rendezvous send that no process will ever receive blocks for ever: the server takes one
// request and ends, the client's second send waits: invalid end state.
// (Found by fuzz.mjs: the checker reported no error here.)
chan req = [0] of { byte };

active proctype server() {
	byte v;
	req?v
}

active proctype client() {
	req!1;
	req!2
}
