// Hidden variables are still restored on backtracking (pan undoes every assignment):
// after the first option is explored, the second sees h = 0 again.
hidden byte h;
hidden int k;
byte x;
active proctype P() { if :: h = 1; k = 300; x = 5 :: skip fi; x = h + k - 300 }
