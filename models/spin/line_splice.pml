// A backslash-newline outside a preprocessor directive (Spin644 Examples/cruise.pml's
// `! ((x == RESUME) || \`): SPIN reads the model through cpp, which removes it; the
// tokens after it stay on their own line, so SPIN's implied semicolons still apply
// there (the first expression goes on because its line ends in `||`). A `//` comment
// goes on past one too: the `x++` after `skip; // ... \` is part of the comment.
#define BOTH(p, q) \
  ((p) && \
   (q))
byte x, y;

active proctype P() {
  do
  :: x < 3 && (y == 0 || \
       y == 2) -> x++
  :: BOTH(x > 0, y < 3) -> y++; skip; // y counts \
     x++
  :: x == 3 -> break
  od
}
