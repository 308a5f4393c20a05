// #define with parameters, and #if/#else chosen by the preprocessor.
#define MAX(p, q)  ((p) > (q) -> (p) : (q))
#define SQ(p)      ((p) * (p))
#define FAST 1

#if FAST
#define STEP 2
#else
#define STEP 1
#endif

byte x, hi;

active [2] proctype P() {
	do
	:: x < 8 -> atomic { x = x + STEP; hi = MAX(hi, x) }
	:: else -> break
	od;
	assert(hi == x && hi >= 8 && hi <= 10 && SQ(STEP) == 4)
}
