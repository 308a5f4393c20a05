// An initialiser on a structure variable is dropped: pan sets every field from its
// typedef (walk_struct), so `Cell c = 7` starts with c.v == 4 and c.w == 0, and so does
// every element of `Cell row[2] = 3` and a local `Cell mine = 9`.
typedef Cell { byte v = 4; short w };

Cell c = 7;
Cell row[2] = 3;

active proctype P() {
  Cell mine = 9;
  byte k;
  do
  :: k < 2 -> row[k].v = row[k].v + c.v + mine.v; k++
  :: k == 2 -> break
  od;
  assert(row[1].v == 12 && c.w == 0 && row[0].w == 0)
}
