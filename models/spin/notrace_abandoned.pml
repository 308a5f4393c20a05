// A notrace that never completes: c!0 does not match its first send, c!1, which abandons it
// at once (pan sets it to its end, where it may rest): the later c!1, c!2 do not count. No error.
chan c = [1] of { byte };
active proctype P() { byte x; do :: x < 3 -> c!x; c?_; x++ :: x == 3 -> break od; end: c?_ }
notrace { c!1; c!2 }
