// runs: s a
// SPIN hands the propositional parts of an ltl formula to its translator as single
// predicates (spin.y prints `p -> q` as `(! (p)) || (q)`, every operand in parentheses;
// tl_lex.c's is_predicate reads a parenthesised group without U V X [] <> <-> as one
// predicate), so a claim's guard evaluates the part whole, with C's short circuits. Here
// arr[x] is never read with x past the array: pan finds no error. A claim whose edges
// split `!p || q` into `!p` and `q` reads arr[3] (an index error).
byte x;
byte arr[3];

active proctype P() {
  do
  :: x < 4 -> x++
  :: x == 4 -> x = 0
  od
}

ltl guarded { !((x < 3 -> arr[x] == 0) U (x == 9)) }
