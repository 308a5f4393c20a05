// pan's mask over a record whose only variables are single bit or unsigned ones (pan.h's
// Air, from nBits, which counts their bits but not _priority's 8): _pid, _t and _p take
// 8 + 2 + 5 bits, u 3 more and b 1, so pan stores the record's first 19 bits rounded up
// to 3 bytes. gcc puts _priority at bits 15 to 22, u at 23 to 25 and b at 26: only u's
// lowest bit is stored, always 0 here, and none of b, so pan tells the states apart by
// the place and the priority alone: 6 stored, where the whole of u and b gives 31.
active proctype A() priority 2 {
  unsigned u : 3;
  bit b;
  do
  :: u < 6 -> u = u + 2; b = !b
  :: set_priority(_pid, 1 + (u & 3))
  :: u >= 6 -> break
  od
}
