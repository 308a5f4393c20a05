// A receive the trace does not expect: pan's "event_trace error (no matching event)".
// The sends on c and every operation on d are not observed (the trace names c only in
// receives, d not at all); the receives on c must take 0, 1, 2, 0, ... in turn.
chan c = [2] of { byte };
chan d = [1] of { byte };
active proctype P() { byte x; do :: c!x; x = (x + 1) % 3 :: d!7 :: d?_ :: c?x od }
trace { do :: c?0; c?1; c?2 od }
