// SPIN's predefined write-only variable `_`: `_ = e` is a move that evaluates e and
// changes no state (pan keeps `_` outside the state vector), in a plain sequence, an
// atomic and a d_step alike; `c?_` discards a field. Ben-Ari's queens.pml writes
// `_ = result[0]` to keep SPIN from calling the array unused.
byte a[4];
byte n;
chan c = [2] of { byte, byte };

active [2] proctype W() {
	byte i;
	do
	:: i < 4 ->
		a[i] = _pid + i;
		_ = a[i] * 3;
		i++
	:: i == 4 -> break
	od;
	atomic { _ = n; n++ };
	c!_pid, a[_pid];
	d_step { _ = a[3]; n = n + 1 }
}

active proctype R() {
	byte got;
	c?got, _;
	c?_, got;
	_ = got + n;
	assert(n <= 4)
}
