// A declaration with an initialiser in the middle of a body is a step of its own, taken
// where it stands (y reads g after g = 9, or after Q's g = 1); an array initialiser sets
// every element.
byte g = 5;
byte arr[3] = 7;

active proctype P() {
	g = 9;
	byte y = g;
	assert(arr[0] == 7 && arr[1] == 7 && arr[2] == 7);
	assert(y == 9 || y == 1)
}

active proctype Q() {
	short loc[2] = -1;
	assert(loc[0] + loc[1] == -2);
	g = 1
}
