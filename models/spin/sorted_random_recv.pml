// Sorted send (!!), random receive (??), receive without removal (?<..>) and random
// poll (??[..]), on a buffered channel of two fields.
mtype:fruit = { apple, pear };
mtype:color = { red, green, blue };
chan q = [4] of { mtype:color, byte };
mtype:color c = green;
active [2] proctype P() {
  byte i; mtype:color k;
  for (i : 1 .. 2) { q!!(i + _pid) % 3 + 1, i }
  q??[green, _] -> q??<k, eval(1)>;
  q??k, _;
  q?<k, i>;
  q?_, _;
  c = k
}
