// runs: a af
// pan-cc: -DNFAIR=6
// Weak fairness with 18 processes (19 with the claim): more than pan's default fairness
// map holds (-DNFAIR=2: at most 6), so pan is built with -DNFAIR=6, and the fairness
// counter reaches 20, past what 32 bits of map hold for both searches. A counter moves
// for ever, a noise process too, and sixteen processes pass a turn along once each:
// "the counter is 0 infinitely often" fails without fairness (the noise process alone
// runs) and holds with it.
#define N 16
byte k, turn = 2;
bit b;
active proctype counter() {
	do
	:: k = (k + 1) % 3
	od
}
active proctype noise() {
	do
	:: b = 1 - b
	od
}
active [N] proctype chain() {
	turn == _pid -> turn++
}
ltl l { [] <> (k == 0) }
