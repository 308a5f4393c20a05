// spin.y's `NAME '[' NAME ']'`: an array whose size is a variable's name (alanprawira
// monkey.pml's `byte target[TARGET_LEN]` with `byte TARGET_LEN = 13`). SPIN 6.5.2 takes
// the variable's initial value at that point when it is a constant above 0 (a channel's:
// its capacity), and 8 otherwise ("evaluated as 8 by default (to avoid zero)"). Here
// a has 3 elements, b 8 (M has no initial value), c 2 and the local d 4; the loop
// writes one element past b's end, pan's index error.
byte N = 3, M;
chan q = [2] of { byte };
byte a[N], b[M];
bit c[q];

active proctype P() {
  byte n = 4;
  byte d[n], i;
  do
  :: i < 3 -> a[i] = 1; c[i % 2] = 1; d[i] = i; i++
  :: i >= 3 && i < 9 -> b[i] = 1; i++
  :: i == 9 -> break
  od
}
