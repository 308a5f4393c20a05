// unless around a { } block that starts with a do: the block is no state of its own
// (found by the fuzzer: 4 states where SPIN stores 2).
byte a, b, c;
active [2] proctype P1() {
  { do
    :: c == 2 -> break
    :: a = 1
    od } unless { c == 3 -> a = 2 };
  c = 3
}
