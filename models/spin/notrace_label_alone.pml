// trace_label_alone's skip in a notrace: c!1, any send, c!1 completes it (pan's "all
// events matched").
chan c = [1] of { byte };
active proctype P() { byte i; do :: i < 3 -> c!1; c?_; i++ :: i < 3 -> c!2; c?_; i++ :: else -> break od }
notrace { c!1; L: ; c!1 }
