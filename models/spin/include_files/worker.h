proctype worker(byte k) {
	byte old;
	old = total;
	total = old + k;
	done++
}
