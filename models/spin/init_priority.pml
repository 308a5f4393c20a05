// init with a priority (spin.y's `INIT Opt_priority body`): init starts at that priority,
// as an active proctype's copies do at theirs, so Low waits while init can move
// (sddf's echo_server models write `init priority 2 { ... }`; refused before).
byte x, seen;

active proctype Low() priority 1
{
  seen = x;
  assert(seen != 1)
}

init priority 3
{
  x = 1;
  x = 2;
  get_priority(_pid) == 3 -> x = 3
}
