// select over a short constant range (an if with one option per value), over a long
// range and a variable bound (counting loops), and for over a range.
#define N 2
byte arr[N+1];
byte hi = 40;
active [1+1] proctype P() {
  byte i, j, s;
  select(i : 0 .. N);
  arr[i] = arr[i] + 1;
  select(j : 0 .. 40);
  j = 0;
  select(j : 38 .. hi);
  for (i : 1 .. N) { s = s + arr[i] }
  i = 0; j = 0; s = 0
}
