/* Long atomic sequences: each move of a process is an atomic loop of ROUNDS rounds (about
 * 400 steps, none of them stored) before its counter goes up. 4 counters of 0..TOP and
 * each process before or after its guard give 111,151 stored states, reached through
 * 117,596,384 atomic steps: the time per step inside an atomic sequence dominates. */
#define ROUNDS 200
#define TOP 8
byte n[4];
active [4] proctype P() {
  byte i, s;
  do
  :: n[_pid] < TOP ->
     atomic {
       i = 0;
       do
       :: i < ROUNDS -> s = s ^ i; i++
       :: else -> break
       od;
       i = 0; s = 0;
       n[_pid]++
     }
  :: else -> break
  od
}
