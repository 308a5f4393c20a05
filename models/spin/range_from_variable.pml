// A for or select range whose lower bound is a variable: `lo .. hi` is a range, not a
// field of lo.
byte lo = 1, hi = 3, i, j, sum;
active proctype P() {
	for (i : lo .. hi) {
		sum = sum + i
	}
	select (j : lo .. hi);
	assert(sum == 6 && j >= lo && j <= hi)
}
