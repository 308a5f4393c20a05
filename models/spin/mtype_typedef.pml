// mtype values and typedef structures with nested arrays, sent through a channel.
mtype = { red, green, blue };

typedef Pair {
	byte a;
	mtype col
};

typedef Box {
	Pair p[2];
	bool filled
};

Box box;
chan c = [2] of { mtype, byte };

active proctype P() {
	Pair loc;
	loc.a = 3;
	loc.col = green;
	box.p[1].a = loc.a;
	box.p[1].col = loc.col;
	box.filled = 1;
	c!loc.col,loc.a;
	c!blue,box.p[1].a + 1
}

active proctype Q() {
	mtype m;
	byte v;
	box.filled;
	c?m,v;
	assert(m == green && v == 3);
	c?m,v;
	assert(m == blue && v == 4);
	assert(m != red && box.p[0].col == 0 && box.p[1].col == green)
}
