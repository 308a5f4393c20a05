// Nested do loops with break, and a goto out of the inner loop into the outer one.
active [2] proctype P() {
	byte i, j, total;
	do
	:: i < 3 ->
		j = 0;
		do
		:: j == 2 && i == 1 -> goto next_i
		:: j < 4 && !(j == 2 && i == 1) -> total++; j++
		:: j >= 4 -> break
		od;
next_i:
		i++
	:: i >= 3 -> break
	od;
	assert(total == 10);
	goto done;
	assert(false);
done:
	skip
}
