// Comments do not nest: `/* a /* b */` ends at the first `*/`, and the `*/` left over
// is nothing to SPIN (its lexer reads it as the end of a comment), not `*` and `/`.
byte x;

active proctype P() {
  atomic {
    x == 0;
    /* x = 5; /* never run */ */
    x++
  }
  /* trailing: */ */
  assert(x == 1)
}
