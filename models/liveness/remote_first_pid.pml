// runs: s a
// A remote reference without a pid (P@cs, P:n) means the running process of that
// proctype with the lowest pid (pan's f_pid), here pid 0 (pid 1 runs P too; the processes
// never end: with none of the type left, pan would read outside its state). The claim
// starts with `P:n`, which is no label: P names a proctype.
byte k;
active [2] proctype P() {
	byte n;
	do
	:: n < 2 + _pid -> n++
	:: n >= 1 ->
cs:		k = (k + 1) % 3;
		n = 0
	od
}
never {
	do
	:: P:n < 2 && !(P@cs && k == 1)
	:: P@cs && k == 1 -> break
	od;
accept:
	do
	:: P:n <= 1
	od
}
