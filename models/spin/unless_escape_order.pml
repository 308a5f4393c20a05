// Nested unless: the outer escape outranks the inner one, and both outrank the main part;
// an escape that moved leaves the other escapes untried (pan's rule).
byte a, b;
active proctype P() {
  { { a = 1; a = 2 } unless { b == 0 -> b = 5; b = 6; b = 7 }; a = 3 } unless { a == 0 -> b = 9 };
  a = 0
}
