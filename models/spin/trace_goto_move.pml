// A goto that is a move of the trace by itself (an option's only statement): pan runs it
// as its generic move, which matches any event, so after each c!1 the trace takes one
// send of any value and wants c!1 again.
chan c = [1] of { byte };
active proctype P() { byte i; do :: i < 3 -> c!1; c?_; i++ :: i < 3 -> c!2; c?_; i++ :: else -> break od }
trace { L: c!1; if :: goto L fi }
