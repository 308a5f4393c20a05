// A receive's arguments may stand in parentheses (spin.y's rargs: `( rargs )`):
// `c?(a, b)` is `c?a, b`, and so for a random receive and a poll.
chan c = [2] of { byte, byte };
byte a, b;

active proctype P() {
  c!1, 2; c!3, 4;
  c?(a, b);
  c??(3, b);
  assert(a == 1 && b == 4 && !c?[(1, 2)])
}
