// Parameters that share a type (`chan in, out; byte id`), as the textbook leader
// election ring declares them; the ring has N nodes and the highest id wins.
#define N 3
mtype = { one, winner };
chan q[N] = [1] of { mtype, byte };
byte nwin;
proctype node(chan in, out; byte id) {
  byte v;
  out!one(id);
  do
  :: in?one(v) ->
     if
     :: v == id -> out!winner(id); nwin++
     :: v > id -> out!one(v)
     :: else
     fi
  :: in?winner(v) -> if :: v != id -> out!winner(v) :: else fi; break
  od
}
init { byte i; atomic { for (i : 0 .. N - 1) { run node(q[i], q[(i + 1) % N], N - i) } } }
