// Labels have SPIN 6's block scopes (flow.c's get_labspec): `again:` stands in two atomic
// blocks, a label name once per scope; a goto goes to the label of its own scope, else to
// one in an enclosing scope, else to the one declared last in the proctype (here the
// goto in the do's last option, whose scope holds neither, jumps into the second block).
byte x, y, z;

active proctype P() {
  do
  :: atomic { x < 2 -> again: x++; if :: x == 1 -> goto again :: else fi }
  :: atomic { y < 3 -> again: y++; if :: y == 1 -> goto again :: else fi }
  :: x == 2 && z < 2 -> z++; goto again
  :: x == 2 && z == 2 -> break
  od;
  assert(y < 5)
}
