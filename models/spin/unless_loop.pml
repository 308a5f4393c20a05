// unless in a loop raced by another process: the escape breaks out.
byte x, y;
active proctype P() { do :: { x < 3 -> x++; y = x } unless { y == 2 -> y = 0; break } :: x == 3 -> break od }
active proctype Q() { do :: y < 2 -> y++ :: y == 2 -> break od }
