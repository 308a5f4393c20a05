// An unless as the last statement of an atomic sequence, whose escape ends in an if: the
// escape and the main part end in the same jump (SPIN's .(goto) after the unless), the
// atomic's last element, so leaving the escape takes a step there as leaving the main part
// does (fuzzer seed -989285560: SPIN counts 4 atomic steps, the checker counted 3).
byte a, b, c;
active proctype Q() {
	atomic { b = 1;
		{ skip; a = 2 } unless { if :: (c == 0 || a == 1) -> b = a :: c != a -> a = b ^ 1 fi } };
	skip
}
