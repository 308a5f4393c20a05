// Long atomic loops of forced steps (one option and an else) cut by the depth bound in
// their middle: the bound counts atomic steps, whether the checker gives each one a frame
// of its own or runs it in place.
// pan-args: -m100
byte n;
active [2] proctype P() {
	byte i;
	do
	:: n < 6 ->
		atomic {
			i = 0;
			do
			:: i < 20 -> i++
			:: else -> break
			od;
			i = 0;
			n++
		}
	:: n < 6 -> n++
	:: else -> break
	od
}
