// An array initialiser list of one constant after the first statement (`bit a[3] = {1}`
// in a loop body; sddf's echo_server models): SPIN 6.5.2 refuses a longer list there, but
// `{c}` is the constant c: every element is c from the process's creation, and the
// declaration is a step setting element 0 only. Refused before.
byte n;
active [2] proctype P() {
  do
  :: n < 3 ->
     bit a[3] = {1};
     assert(a[0] == 1 && a[2] == 1 && (a[1] == 1 || n > 0));
     a[1] = 0; a[0] = 0;
     n++
  :: else -> break
  od
}
