// An atomic sequence that blocks half way loses atomicity (B may run), and regains it
// once it can move again: B never sees the intermediate value 2.
byte x, y;

active proctype A() {
	atomic { x = 1; y == 1; x = 2; x = 3 }
	assert(x == 3)
}

active proctype B() {
	x == 1;
	y = 1;
	x != 1;
	assert(x == 3)
}
