// An index past an array's end: pan reports "assertion violated - invalid array index"
// (kind 'index' here) at the first move that uses it, reading or writing.
byte arr[2];
byte i, y;
active proctype A() { do :: i < 3 -> arr[i] = i; i++ :: i == 3 -> break od }
active proctype B() { do :: y = arr[i] :: i > 1 -> break od }
