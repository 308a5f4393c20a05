// runs: s a af
// _last with a never claim: the last process to move, the claim's moves not counted (pan
// sets now._last only for II != 0, the claim being II 0 under VERI). Refused before
// ("_last with a never claim is not supported"); gagansh7171's starvation_freedom.pml.
byte x;
active [3] proctype P() {
	do
	:: _last != _pid -> x = (x + _pid) % 5
	:: x == 4 -> skip
	od
}
never {
	do
	:: _last == 2 -> goto accept
	:: true
	od;
accept:
	do
	:: _last != 0
	od
}
