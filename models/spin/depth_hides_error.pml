// An assertion that fails only beyond the depth bound: with -m20 the search is cut before it
// gets there, so pan reports no error, and says the bound was hit.
// pan-args: -m20
byte n;

active proctype P() {
	do
	:: n < 30 -> n++
	:: else -> break
	od;
	assert(n < 30)
}
