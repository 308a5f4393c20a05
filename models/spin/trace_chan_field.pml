// A trace on a chan field of a global structure, in an array at a constant index: pan
// compiles it as that global's value, as for a chan variable.
typedef T { chan c = [1] of { byte } }
T t[2];
active proctype P() { byte i; do :: i < 3 -> t[1].c!1; t[1].c?_; i++ :: i < 3 -> t[1].c!2; t[1].c?_; i++ :: else -> break od }
trace { do :: t[1].c!1 :: t[1].c!2 -> break od }
