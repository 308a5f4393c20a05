// Priorities as pan verifies them: a process moves only while no process of higher
// priority can move. active copies start at their proctype's priority, a run at its own
// (1 without one); set_priority and `_priority = v` change it; get_priority reads it
// (0 for no such process); a provided clause that is false keeps a process from counting.
byte buf, done, low_ran;
bool gate;

proctype Worker(byte id) provided (gate || buf < 2)
{
end:
  do
  :: buf < 3 -> buf++
  :: buf > 0 && id == 2 -> buf--
  :: buf >= 2 -> break
  od;
  done++
}

active proctype Boss() priority 4
{
  byte w;
  run Worker(1) priority 3;
  w = run Worker(2);
  assert(get_priority(w) == 1 && get_priority(w - 1) == 3 && get_priority(9) == 0);
  if
  :: gate = true
  :: set_priority(w, 5)
  fi;
  _priority = 2;
  done == 2 || timeout;
  assert(done <= 2 && get_priority(_pid) == 2)
}

active proctype Low() priority 2
{
end:
  do
  :: atomic { buf > 0 && low_ran < 3 -> low_ran++; buf-- }
  :: low_ran >= 3 -> break
  od
}
