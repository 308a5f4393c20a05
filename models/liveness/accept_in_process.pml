// runs: a af
// An accept label in a process under a claim: both the claim's and the process's
// accept states count for pan -a.
byte x;
active proctype T() {
	do
	:: x < 2 -> x++
	:: x == 2 -> accept_top: x = 0
	od
}
never {
	do
	:: (x != 5)
	od
}
