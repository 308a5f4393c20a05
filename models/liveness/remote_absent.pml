// runs: s a
// A remote reference to a process that does not exist (not started yet, or ended) reads
// 0: pan's Pptr gives its zeroed noptr area for such a pid, with no error. Here Worker's
// process 1 is run by init after a step and ends before init's last step (`Worker:v`,
// without a pid, reads the same way while no Worker runs). A proctype named W would be
// SPIN's weak-until operator inside an ltl block.
byte x;

proctype Worker() {
  byte v = 5;
  do
  :: v < 7 -> v++
  :: v == 7 -> break
  od
}

init {
  x = 1;
  run Worker();
  (_nr_pr == 1);
  x = 2
}

ltl alive { [] (Worker[1]:v == 0 || Worker[1]:v >= 5) }
