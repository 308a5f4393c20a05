// An atomic sequence whose next statement is a rendezvous send that no receiver can take
// yet: the atomic sequence blocks there, the state is stored and every process moves.
// (Found by fuzz.mjs: the checker's counts differed.)
chan ch = [0] of { byte };
byte a, c;

active proctype R() {
	c == 0 -> ch?c
}

active proctype S() {
	atomic { a = 1; ch!1 }
}
