// unless around an atomic sequence and around an if; the escape can only fire when atomicity is lost.
byte x;
active proctype P() { atomic { x = 1; x = 2 } unless { x == 1 -> x = 7 }; if :: x = 3 :: x = 4 fi unless { x == 7 -> x = 8 }; x = 0 }
active proctype Q() { x == 2 -> x = 1 }
