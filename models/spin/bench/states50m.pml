// 85^4 = 52,200,625 states, depth 336: the store must grow well past 2 GiB worth of
// references without a cap (a benchmark model, not a test: run with
// gosched bench-check models/spin/bench/states50m.pml --runs 1 --max-depth 10000).
active [4] proctype P() { byte x; do :: x = x + (x < 84) od }
