// A trace that has reached its end (the break) expects nothing more: the next observed
// operation, the receive c?_, is an error (pan tries no move at its end).
chan c = [2] of { byte };
active proctype P() { c!1; c?_; c!2; c?_; end: c?_ }
trace { do :: c!1 :: c?1 :: c!2 -> break od }
