// runs: s
// A choice of conditions inside an atomic sequence where one holds and a later one
// indexes out of bounds: pan explores the first one's moves before it meets the error,
// so the chain (liveness.ts) must leave the choice to the loop, in pan's order.
byte a[3], i, k;
active proctype P() {
	do
	:: atomic {
		k < 4 -> k++;
		if
		:: i < 3 -> i++
		:: a[i] == 0 -> i = 0
		fi;
		skip
	   }
	od
}
never {
	do
	:: k < 9
	od
}
