// Array initialiser lists (SPIN's c_list): element i gets the i-th constant, elements past
// the list the last one, constants past the array are dropped; values wrap to the type.
#define K 7
mtype = { red, amber, green };
byte short_list[5] = {1, 2, 3};        // 1 2 3 3 3
byte long_list[2] = {4, 5, 6};         // 4 5
byte wraps[2] = {300, K};              // 44 7
bool flags[3] = {true, false};         // 1 0 0
mtype lights[4] = {red, green, amber}; // red green amber amber
typedef Slot { byte v[3] = {9, 8}; bool used };
Slot slots[2];

active [2] proctype P() {
  short own[3] = {0, 2};    // a local list, set when the process starts
  byte i;
  do
  :: i < 5 -> atomic { short_list[i] = short_list[i] + long_list[_pid]; i++ }
  :: i < 3 && !flags[i] -> flags[i] = true; lights[i + 1] = lights[i]
  :: slots[_pid].v[2] == 8 -> slots[_pid].v[2] = wraps[_pid]; own[2] = own[1] + 1
  :: i >= 3 -> break
  od;
  assert(own[0] == 0 && (own[2] == 2 || own[2] == 3));
  assert(long_list[1] == 5 && wraps[0] == 44 && slots[1 - _pid].v[0] == 9)
}
