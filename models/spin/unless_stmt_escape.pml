// An unless escape that is a single statement, not a { } block (spin.y's `stmnt UNLESS
// stmnt`; flow.c's do_unless makes it a sequence of one): `od unless (c)`, as a bakery
// model writes it; refused before.
byte turn, n;

active [2] proctype P()
{
  do
  :: n < 3 -> n++
  od unless (turn == _pid);
  turn = 1 - turn;
  n = 0
}
