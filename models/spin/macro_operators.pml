// cpp's operators in a #define body, which SPIN gets from the cpp it runs on every model
// (SPIN's Examples/LTL/ltl_gen.pml: `#define Unary(s) printf(#s); Descend(f)`): `a ## b`
// pastes two tokens into one (here the names c1 and c2), `#p` spells an argument as a
// string literal.
#define C(n)	c ## n
#define STEP(n, lim)	:: C(n) < lim -> C(n)++; printf(#n); printf(#lim)
byte c1, c2;

active proctype P() {
  do
  STEP(1, 2)
  STEP(2, 3)
  :: else -> break
  od;
  assert(c1 == 2 && c2 == 3)
}
