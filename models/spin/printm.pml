// printm(e) prints the mtype name of e (as printf("%e") does) and is a statement of its
// own: a state before it and one after.
mtype = { red, green, blue };
mtype c = red;
active proctype P() {
	do
	:: c == red -> printm(c); c = green
	:: c == green -> printm(c); c = blue
	:: c == blue -> break
	od;
	printm(c)
}
