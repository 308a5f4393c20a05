// The .(goto) that ends an unless is a step of its own in an atomic sequence when it
// leads to the sequence's last statement.
byte x;
active proctype P() { atomic { { x = 1 } unless { x == 5 -> skip }; x = 2 }; assert(x == 9) }
active proctype Q() { byte y; atomic { { y = 1; y = 2 } unless { x == 1 -> y = 3 }; y = 0 } }
