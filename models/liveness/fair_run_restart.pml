// runs: l lf
// Weak fairness where processes are created by run: a process that runs a child and
// then blocks makes pan's fairness start over (II = INI_P) from its From, which pan does
// not restore when it backs up from a move, so it is the number of the child state's last
// process, one past this state's. pan reads that slot as zeros (no moves) and the search
// goes on; the checker read another state's bytes there and found errors that are no
// state of this model (SPIN's recursive factorial, Book_1991/p105.2.pml -l -f, met it).
proctype Fact(byte n; chan up) {
	byte r;
	chan down = [1] of { byte };
	if
	:: n <= 1 -> up!1
	:: n >= 2 -> run Fact(n - 1, down); down?r; up!n
	fi
}
init {
	chan c = [1] of { byte };
	run Fact(3, c);
	c?_
}
