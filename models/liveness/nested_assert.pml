// runs: a af
// max-depth: 6
// An assertion that only the nested (cycle) search reaches: the first search meets x = 5
// first at depth 5, where its successor falls past the depth bound, then at depth 2
// (matched, not searched again); the nested search from the accepting state at depth 1
// meets it new at depth 2 and goes on to the assertion. pan reports an error of the
// nested search at the depth of its seed (its depthfound): "(at depth 1)" with -a.
byte x;
active proctype p() {
	if
	:: x = 1; x = 2; x = 3; x = 4; x = 5
	:: skip; accept: x = 5
	fi;
	x = 6;
	assert(false)
}
