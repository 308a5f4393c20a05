// An inline called for a value, `v = f(args)` (spin.y's `varref ASGN INAME`): each
// `return e` in its body is the step `v = e` (spinlex.c's return_statement), and the
// body goes on after it; an elevator model's `max_up = max(max_up, req_floor)`, refused
// before.
byte top, got[3];

inline max(a, b)
{
  if
  :: a > b -> return a
  :: else -> return b
  fi
}

inline pick(i)
{
  return i + 1;
  got[i] = 1
}

active [2] proctype P()
{
  byte r;
  r = max(top, _pid + 2);
  top = max(r, top);
  got[_pid] = pick(_pid);
  assert(top >= 2 && got[_pid] == 1)
}
