// A notrace whose sends all happen in order: pan's "event_trace error (all events
// matched)". A send that does not match abandons the notrace for the rest of that run.
mtype = { a, b };
chan c = [3] of { mtype, byte };
active proctype P() {
  byte i;
  do
  :: i < 3 -> c!b,i; i++
  :: i < 3 -> c!a,i; i++
  :: c?_,_
  :: i == 3 -> break
  od
}
notrace { c!a,_; c!a,_; c!a,_ }
