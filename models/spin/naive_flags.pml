// A naive flag protocol: test the other's flag, then raise your own.
// Both can pass the test before either raises its flag: assertion violated.
bool flag[2];
byte incrit;

active [2] proctype P() {
	byte other = 1 - _pid;
again:
	flag[other] == 0;
	flag[_pid] = 1;
	incrit++;
	assert(incrit == 1);
	incrit--;
	flag[_pid] = 0;
	goto again
}
