// An escape whose guard is the first statement of a do option: pan puts the escape's
// moves in the list of the do's own state too (every move of a state brings the escapes
// of its own statement), so the escape may move before the option is entered. SPIN
// prints "error: saw 'unless' on a guard" here but builds pan all the same.
byte x, resets;
bit k;
active proctype Counter() {
end:	do
	:: { x < 3 -> x++; x < 3 -> x++ } unless { x == 2 -> x = 0; resets = (resets + 1) % 2 }
	:: x == 3 -> x = 0
	od
}
active proctype Other() {
end:	do
	:: x == 1 -> x = 3
	:: resets == 1 -> resets = 0
	od
}
active proctype Flip() {
end:	do :: k = 1 - k od
}
