// pangen2.c refuses a send with more fields than any channel declared in the model has
// (Mpars: "too many pars in send", a structure counted as its leaves); more fields than
// the channel sent on has, but no more than some other channel's, is pan's run-time
// error "too many parameters in send stmnt", found when the send can execute.
chan one = [1] of { byte };
chan two = [1] of { byte, byte };
byte x;

active proctype P() {
  do
  :: x < 2 -> x++
  :: x == 2 -> one!x, 1
  :: two!x, x -> two?_, _
  od
}
