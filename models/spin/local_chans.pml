// Local channels: each worker creates two when it starts (numbered on from the channels
// alive, as pan numbers them) and sends one's number to boss over a global channel.
chan g = [1] of { chan };
byte got;
proctype worker(byte k) {
  chan mine = [1] of { byte };
  chan pair[2] = [0] of { byte };
  byte v;
  g!mine;
  mine?v;
  got = got + v + k
}
active proctype boss() {
  chan back;
  chan loc = [2] of { byte, byte };
  byte i;
  do
  :: i < 3 -> run worker(i); g?back; back!i + 1; i++
  :: i == 3 -> break
  od;
  loc!1,2; loc?_,i
}
