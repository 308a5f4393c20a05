// unless inside a do option, nested unless, else beside them, a buffered channel in the main part.
byte x, y;
chan c = [1] of { byte };
active proctype P() {
  do
  :: { { x < 3 -> x++; y = x; c!x } unless { y == 2 && x == 2 -> y = 9 } ; c?_ } unless { x == 3 -> x = 0; break }
  :: else -> skip
  :: x > 2 -> break
  od
}
active proctype Q() { do :: y < 4 -> y++ :: atomic { y == 4 -> y = 0 } :: y == 9 -> break od }
