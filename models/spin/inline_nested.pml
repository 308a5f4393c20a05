// inline calling inline, bit arrays indexed by _pid - 1, and a lock taken and released with
// d_step (the shape of proc.p's lock/unlock and notes).
bit lk;
bit note[2];
byte inside;

inline lock(x) {
	d_step { x == 0; x = 1 }
}

inline unlock(x) {
	d_step { assert x == 1; x = 0 }
}

inline wake(x) {
	d_step { assert x == 0; x = 1 }
}

inline critical(k) {
	lock(lk);
	inside++;
	assert inside == 1;
	inside--;
	wake(note[k]);
	unlock(lk)
}

active proctype idle() {
	note[0] == 1 && note[1] == 1
}

active [2] proctype W() {
	critical(_pid - 1)
}
