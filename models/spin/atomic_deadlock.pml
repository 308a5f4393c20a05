// A process that blocks inside an atomic sequence and can never go on: atomicity is lost,
// nothing else can move either, and it is not at an end label: invalid end state.
byte x;

active proctype A() {
	atomic { x = 1; x == 2; x = 3 }
}

active proctype B() {
	x == 1;
	x = 5
}
