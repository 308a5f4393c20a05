// A label on a for loop names the loop's do, not its start assignment: SPIN adds
// `i = lo` to the sequence while parsing the for, before the label is placed. A goto back
// to the label therefore does not start the count again (fuzzer seed -338777216).
byte arr[2];
byte n, m;
active proctype Range() {
	byte i;
again:	for (i : 0 .. 1) { n = (n + 1) % 8 };
	if
	:: n < 5 -> i = 0; goto again
	:: n < 3 -> goto again
	:: else
	fi
}
active proctype In() {
	byte j;
again:	for (j in arr) { m = (m + 1) % 8 };
	if
	:: m < 3 -> goto again
	:: else
	fi
}
