// Two counters running to 60 take more steps than a depth bound of 50 allows:
// the search is cut at the bound (a warning, not an error).
// pan-args: -m50
byte a, b;

active proctype A() {
	do
	:: a < 60 -> a++
	:: else -> break
	od
}

active proctype B() {
	do
	:: b < 60 -> b++
	:: else -> break
	od
}
