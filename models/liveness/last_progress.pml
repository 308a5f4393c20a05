// runs: l lf
// _last under -l (pan's -DNP claim is a claim too: its moves leave _last alone).
byte x;
active [2] proctype P() {
	do
	:: _last == _pid -> x++
	:: x < 5 && _last != _pid -> x++
	:: x >= 5 -> progress: x = 0
	od
}
