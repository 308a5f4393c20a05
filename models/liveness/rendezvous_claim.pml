// runs: s a af
// A rendezvous ping-pong; the claim asks that pongs keep coming.
chan ping = [0] of { byte };
chan pong = [0] of { byte };
byte n;
active proctype Pinger() {
	byte v;
	do
	:: ping!n; pong?v; n = (n + 1) % 3
	od
}
active proctype Ponger() {
	byte v;
	do
	:: ping?v -> pong!v
	od
}
ltl alive { [] <> (n == 2) }
