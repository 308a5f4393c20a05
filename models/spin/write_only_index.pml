// `_ = e` still evaluates e: an index out of bounds in it is pan's error (kind index),
// met here once the loop has read past the array's end.
byte a[3];
byte i;

active proctype P() {
	do
	:: i < 4 -> _ = a[i]; i++
	:: i == 2 -> break
	od
}

active proctype Q() {
	i < 2;
	a[i] = 1
}
