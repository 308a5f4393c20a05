// Atomic loops whose options exclude each other at run time (never two executable at
// once, though no option is an else), with a real choice at one round: the checker runs
// the first kind without frames and must give the second its frame, as pan backtracks
// into it. The bound cuts some sequences in their middle.
// pan-args: -m160
byte n, m;
active [2] proctype P() {
	byte i, s;
	do
	:: n < 3 ->
		atomic {
			i = 0;
			do
			:: i < 20 && (i & 1) == 0 -> s = s ^ i; i++
			:: i < 20 && (i & 1) == 1 -> s = s + 1; i++
			:: i == 10 -> m++; i++
			:: i >= 20 -> break
			od;
			if
			:: s > 5 -> s = 0
			:: s <= 5 -> s = 1
			fi;
			i = 0; s = 0;
			n++
		}
	:: else -> break
	od
}
