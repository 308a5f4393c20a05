// A d_step that starts with a rendezvous receive answers a pending offer.
chan r = [0] of { byte };
byte g;
active proctype P() { byte v; d_step { r?v; g = v + 1 } }
active proctype R() { r!1; r!2 }
