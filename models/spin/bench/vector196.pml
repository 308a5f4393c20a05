// 193^3 = 7,189,057 states with a 196-byte vector in pan (the class of model whose
// memory the checker must keep within 1.2 times pan's): gosched bench-check
// models/spin/bench/vector196.pml --runs 1 --max-depth 10000
byte pad[166];
active [3] proctype P() { byte x; do :: x = x + (x < 192) od }
