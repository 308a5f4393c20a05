// An assertion that fails deep inside a long atomic loop whose every step is forced (one
// option and an else): the checker runs such steps in place, so the counts, the depth and
// the counterexample's length must still be pan's.
byte n;
active [2] proctype P() {
	byte i;
	do
	:: n < 4 ->
		atomic {
			i = 0;
			do
			:: i < 30 -> assert(n < 3 || i != 17); i++
			:: else -> break
			od;
			n++
		}
	:: else -> break
	od
}
