// pan compares a send with the channel's last slot and a receive with its first: after
// the sorted send c!!1 the last slot holds 3, not 1, so the trace (expecting c!1 there)
// finds no match. The random receives below are never reached.
chan c = [3] of { byte };
active proctype P() {
  c!!3; c!!1; c!!2;
  do
  :: c??2 -> break
  :: c??1
  :: c??3
  od;
  end: c?_
}
trace { c!3; c!1; c!2; do :: c?1 :: c?2 :: c?3 od }
