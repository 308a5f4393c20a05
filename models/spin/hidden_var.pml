// A hidden global is not part of the state: states differing only in h are one state.
hidden byte h;
active proctype P() { do :: h = 1 :: h = 2 od }
