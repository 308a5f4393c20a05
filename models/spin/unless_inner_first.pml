// An inner escape offered from the outer block's first state (a sequence state offers its
// first element's escapes).
byte a, b;
active proctype P() {
  { { a = 1; a = 2 } unless { b == 0 -> b = 5 } } unless { b == 5 -> b = 7 };
  a = 0
}
