// A rendezvous send inside d_step is an error at run time: "rv-attempt in d_step".
chan r = [0] of { byte };
byte g;
active proctype P() { d_step { g = 1; r!1 } }
active proctype R() { byte v; r?v }
