// unless: while the escape can move, the main sequence may not (x = 3 is never reached).
byte x;
active proctype P() { { x = 1; x = 2; x = 3 } unless { x == 2 -> x = 5 }; x = 0 }
