// A declaration at the top of a nested sequence is a step of its own even before the
// body's first statement: SPIN initialises locals at process creation only until a
// statement is read or a sequence opens (an option, atomic, { }, unless, inline call;
// flow.c open_seq). Inside the atomic the step is one more atomic step and one more
// level of depth (corpus: YeonwooSung example1, init { atomic { byte i = 0; do ... } }).
inline bump() { byte q = 2; q++ }

init {
	atomic {
		byte i = 0;
		do
		:: i < 2 -> i++
		:: else -> break
		od;
		run P()
	}
}

proctype P() {
	if
	:: byte k = 3; k++
	:: skip
	fi;
	{ byte m = 1; m++ }
}

active proctype Q() {
	bump();
	skip unless { byte e = 4; e++ }
}
