// Receive into an array element indexed by a variable and into a structure field, and send
// expressions over array elements. (The index is not a field of the same receive: for
// c?idx,arr[idx] pan's undo restores arr[old idx], not arr[new idx], so its counts for that
// form depend on a backtracking artefact; see README.md.)
typedef Rec { byte f; byte g[2] };
chan c = [2] of { byte, byte };
byte arr[3];
Rec r;

active proctype S() {
	byte k;
	do
	:: k < 3 -> c!k,k * 10 + 1; k++
	:: else -> break
	od
}

active proctype R() {
	byte i, idx;
	do
	:: i < 3 -> c?idx,arr[i]; assert(idx == i); i++
	:: else -> break
	od;
	assert(arr[0] == 1 && arr[1] == 11 && arr[2] == 21);
	c!arr[2] - arr[1],arr[0] + 1;
	c?r.f,r.g[1];
	assert(r.f == 10 && r.g[1] == 2 && r.g[0] == 0)
}
