// runs: l lf
// pan -l runs with its own claim (pan built with -DNP), which counts among the running
// processes: _nr_pr is 2 here with one process, so P never passes its progress label.
byte a;
active proctype P() { do :: _nr_pr == 2 -> a = (a + 1) % 3 :: _nr_pr == 1 -> a = 0; progress: skip od }
