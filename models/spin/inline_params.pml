// inline with parameters: the body is expanded at each call with the actual names.
byte u = 1, v = 2, w = 3;

inline swap(p, q) {
	atomic { tmp = p; p = q; q = tmp }
}

inline addto(dst, amount) {
	dst = dst + amount
}

active proctype P() {
	byte tmp;
	swap(u, v);
	assert(u == 2 && v == 1);
	swap(v, w);
	addto(u, 10)
}

active proctype Q() {
	byte tmp;
	addto(w, 1)
}
