// runs: a af
// Two processes incrementing their own counters: "process 1 moves infinitely often"
// fails without fairness and holds with weak fairness.
byte a, b;
active proctype A() {
	do
	:: a = 1 - a
	od
}
active proctype B() {
	do
	:: b = 1 - b
	od
}
never {    /* !([]<> b moves): B eventually stops toggling */
T0_init:
	do
	:: (b == 0) -> goto accept_zero
	:: (b == 1) -> goto accept_one
	:: (1) -> goto T0_init
	od;
accept_zero:
	do
	:: (b == 0) -> goto accept_zero
	od;
accept_one:
	do
	:: (b == 1) -> goto accept_one
	od
}
