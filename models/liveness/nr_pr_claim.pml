// runs: s a af
// pan counts its never claim among the running processes: _nr_pr is 2 here with one
// process, so P never sets a to 5 and the claim's accepting loop goes on for ever (the
// checker counted 1 and found no cycle).
byte a;
active proctype P() { do :: _nr_pr == 1 -> a = 5 :: _nr_pr == 2 -> a = (a + 1) % 3 od }
never { accept: do :: a != 5 od }
