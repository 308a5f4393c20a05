// A provided clause gates every move of A; enabled() looks past it, as pan's does;
// _last (the last mover's pid) is part of the state once the model reads it.
byte x, y;
chan c = [1] of { byte };
active proctype A() provided (x < 3) { do :: x++ :: x > 1 -> break od; c!1 }
active proctype B() { byte v; do :: enabled(0) -> y = (y + 1) % 3 :: c?v -> break :: _last == 0 -> y = 0 od }
