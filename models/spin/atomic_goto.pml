// A goto out of an atomic sequence (proc.p's entersyscall fast path): the jump ends the
// atomic sequence, and the code after the label runs as ordinary steps.
byte avail = 1, waiting, done;

active [2] proctype P() {
	atomic {
		if
		:: avail == 0 -> waiting++
		:: else -> avail--; goto fast
		fi
	}
	/* slow path */
	waiting--;
	avail == 0;
fast:
	done++;
	assert(avail <= 1 && waiting <= 1)
}

active proctype R() {
	done == 2;
	assert(avail == 0 && waiting == 0)
}
