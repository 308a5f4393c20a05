// A declaration with an initialiser inside d_step (proc.p's monitor), a do whose option is a
// d_step with an else beside it (proc.p's stoptheworld), and assert without parentheses.
byte cnt, m;

active proctype P() {
	d_step {
		byte i = 1;
		do
		:: i < 3 -> cnt++; i++
		:: else -> break
		od;
		m = 1
	}
	do
	:: d_step { cnt > 0 -> cnt--; m++ }
	:: else -> break
	od;
	assert cnt <= 1
}

active proctype Q() {
	cnt < 2 -> cnt++
}
