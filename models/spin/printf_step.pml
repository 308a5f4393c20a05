// printf is a statement that is always executable and changes nothing: pan does not print
// during the search, but each printf is a step of its own.
byte n;

active [2] proctype P() {
	printf("P %d starts\n", _pid);
	n++;
	printf("n is now %d\n", n);
	assert(n <= 2)
}
