// An option headed by an assertion that fails when tried while an earlier option of the
// same atomic loop is executable: pan meets the failure only after searching all that
// follows the earlier option, so the counts at the error tell whether the checker met it
// early (it tries later options on a copy to tell a forced move from a choice).
byte n;
active [2] proctype P() {
	byte i;
	do
	:: n < 3 ->
		atomic {
			i = 0;
			do
			:: i < 12 -> i++
			:: assert(i != 9 || n > 0); break
			:: i >= 12 -> break
			od;
			n++
		}
	:: else -> break
	od
}
