// Sends inside d_step and atomic are observed like any other; the trace names elements
// of an array of channels. Process 1's send of (1,0) moves the trace to expect (1,1)
// on q[1], and process 0's next send on q[0] is the error.
chan q[2] = [2] of { byte, byte };
active [2] proctype P() {
  byte i;
  do
  :: i < 2 -> d_step { q[_pid]!_pid,i; i++ }
  :: i < 2 -> atomic { q[_pid]!_pid,i; i++ }
  :: q[_pid]?_,_
  :: i == 2 -> break
  od
}
trace { do :: q[0]!0,_ :: q[1]!1,0 -> q[1]!1,1 od }
