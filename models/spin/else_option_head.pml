/*
 * An if with an else as the first statement of a do option (here inside an atomic).
 * The else belongs to the if: it is executable when no other option OF THE IF is,
 * even though the do's other option (w = 1 - w) is executable at the same point.
 * gosched's own model (models/gosched-wired.pml) has this shape: entersyscall's
 * atomic fast path starts a do option of mproc.
 */
bit w;
byte n;

active [2] proctype p() {
	do
	:: atomic {
		if
		:: w -> n = n + 1
		:: else -> n = n + 2
		fi
	};
	n = n % 5
	:: w = 1 - w
	od
}
